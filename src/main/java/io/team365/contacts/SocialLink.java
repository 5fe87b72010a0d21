package io.team365.contacts;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A person's profile on a network: {@code network} is one of {@link #NETWORKS}, {@code url} a web address. */
public record SocialLink(String network, String url) {

    public static final List<String> NETWORKS =
            List.of("linkedin", "x", "facebook", "instagram", "github", "youtube", "website");

    private static final Map<String, String> HOSTS = Map.of(
            "linkedin.com", "linkedin",
            "x.com", "x",
            "twitter.com", "x",
            "facebook.com", "facebook",
            "instagram.com", "instagram",
            "github.com", "github",
            "youtube.com", "youtube");

    /** The network a web address belongs to, by its host; any other site is a website. */
    public static String networkOf(String url) {
        try {
            String host = URI.create(url.strip()).getHost();
            if (host == null) {
                return "website";
            }
            String bare = host.toLowerCase(Locale.ROOT).replaceFirst("^(www\\.|m\\.)", "");
            return HOSTS.getOrDefault(bare, "website");
        } catch (IllegalArgumentException e) {
            return "website";
        }
    }

    @Override
    public String toString() {
        return url;
    }
}
