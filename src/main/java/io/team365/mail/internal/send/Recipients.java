package io.team365.mail.internal.send;

import io.team365.core.Validation;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Recipients as typed ("Ann <ann@example.com>, bob@example.com") made into addresses, each one checked. */
final class Recipients {

    static final int MAX_PER_FIELD = 100;

    private Recipients() {}

    /** The addresses of the entries; every bad one is rejected on the field with the entry named. */
    static List<InternetAddress> parse(String field, List<String> entries, Validation check) {
        List<InternetAddress> addresses = new ArrayList<>();
        for (String entry : entries) {
            if (entry == null || entry.isBlank()) {
                continue;
            }
            String shown = entry.length() > 80 ? entry.substring(0, 80) + "…" : entry.strip();
            try {
                for (InternetAddress address : InternetAddress.parse(entry.strip(), true)) {
                    String plain = address.getAddress() == null
                            ? ""
                            : address.getAddress().toLowerCase(Locale.ROOT);
                    if (!Validation.isEmail(plain) || address.isGroup()) {
                        check.reject(field, "mail.client.recipient.invalid", shown);
                    } else {
                        address.setAddress(plain);
                        addresses.add(address);
                    }
                }
            } catch (AddressException e) {
                check.reject(field, "mail.client.recipient.invalid", shown);
            }
        }
        if (addresses.size() > MAX_PER_FIELD) {
            check.reject(field, "mail.client.recipient.too-many", MAX_PER_FIELD);
        }
        return addresses;
    }
}
