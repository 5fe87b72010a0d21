package io.team365.core;

import java.util.Set;

/**
 * Free-mail providers: their domain says nothing about the company a person works for, so it never makes or matches
 * a company (imports, mail linking). Providers with a domain per country ({@code yahoo.co.uk}, {@code gmx.de}) are matched by their name.
 */
public final class FreeMail {

    private static final Set<String> DOMAINS = Set.of(
            "gmail.com",
            "googlemail.com",
            "outlook.com",
            "live.com",
            "msn.com",
            "icloud.com",
            "me.com",
            "mac.com",
            "aol.com",
            "web.de",
            "t-online.de",
            "freenet.de",
            "proton.me",
            "protonmail.com",
            "pm.me",
            "mail.ru",
            "inbox.ru",
            "bk.ru",
            "list.ru",
            "qq.com",
            "163.com",
            "126.com",
            "sina.com",
            "yeah.net",
            "naver.com",
            "daum.net",
            "hanmail.net",
            "mail.com",
            "zoho.com",
            "zohomail.com",
            "tutanota.com",
            "tuta.io",
            "fastmail.com",
            "hey.com",
            "orange.fr",
            "wanadoo.fr",
            "free.fr",
            "laposte.net",
            "sfr.fr",
            "libero.it",
            "virgilio.it",
            "seznam.cz",
            "wp.pl",
            "o2.pl",
            "interia.pl",
            "onet.pl",
            "rediffmail.com",
            "btinternet.com",
            "sky.com",
            "comcast.net",
            "verizon.net",
            "att.net",
            "sbcglobal.net",
            "bellsouth.net",
            "cox.net",
            "earthlink.net",
            "shaw.ca",
            "rogers.com",
            "sympatico.ca",
            "bigpond.com",
            "optusnet.com.au",
            "uol.com.br",
            "bol.com.br",
            "terra.com.br",
            "rambler.ru",
            "ukr.net",
            "email.com",
            "duck.com",
            "bluewin.ch",
            "gmx.net",
            "ymail.com",
            "rocketmail.com");

    /** Providers that have one domain per country: the first label is enough. */
    private static final Set<String> FAMILIES =
            Set.of("yahoo", "hotmail", "gmx", "yandex", "outlook", "live", "windowslive", "aim");

    private FreeMail() {}

    public static boolean isFreeMail(String domain) {
        if (DOMAINS.contains(domain)) {
            return true;
        }
        int dot = domain.indexOf('.');
        return dot > 0 && FAMILIES.contains(domain.substring(0, dot));
    }
}
