package io.team365.imports.internal.mapping;

import io.team365.imports.ImportObject;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Suggests a target field for each column from its header, knowing the headers of the exports of Google Contacts
 * (old and new format), Outlook, HubSpot, Salesforce and Zoho, the columns of the vCard reader, and the target keys
 * themselves. Headers are compared with case, accents, spaces and punctuation ignored ({@code E-mail 1 - Value} is
 * {@code email1value}).
 *
 * <p>Several columns may map to {@code email} and {@code phone}; any other target goes to the first column that
 * matches it. Headers that are also used loosely ({@code Title} is an honorific in Outlook but the job title in
 * Salesforce) are weak: they only get a target no stronger header took. Unknown headers stay unmapped.
 */
public final class HeaderMapping {

    private static final Set<String> MULTI = Set.of("email", "phone");

    private HeaderMapping() {}

    /** Column index → target field key, for the columns it recognises. */
    public static Map<Integer, String> suggest(ImportObject object, List<String> columns) {
        return suggest(object, columns, Map.of());
    }

    /**
     * Column index → target field key, also matching a header to a custom field's key or label (as
     * {@code custom.<key>}) when no standard field took it.
     */
    public static Map<Integer, String> suggest(
            ImportObject object, List<String> columns, Map<String, String> customFieldLabelsByKey) {
        HeaderDictionary dictionary = HeaderDictionary.of(object);
        Map<Integer, String> mapping = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>();
        String[] keys = new String[columns.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = key(columns.get(i));
        }
        for (boolean weak : new boolean[] {false, true}) {
            for (int i = 0; i < keys.length; i++) {
                if (!mapping.containsKey(i)) {
                    String target = dictionary.lookup(keys[i], weak);
                    if (target != null && (MULTI.contains(target) || taken.add(target))) {
                        mapping.put(i, target);
                    }
                }
            }
        }
        if (customFieldLabelsByKey != null && !customFieldLabelsByKey.isEmpty()) {
            for (int i = 0; i < keys.length; i++) {
                if (mapping.containsKey(i) || keys[i].isEmpty()) {
                    continue;
                }
                for (Map.Entry<String, String> field : customFieldLabelsByKey.entrySet()) {
                    boolean matches = keys[i].equals(key(field.getKey()))
                            || (field.getValue() != null && keys[i].equals(key(field.getValue())));
                    String target = TargetFields.CUSTOM_PREFIX + field.getKey();
                    if (matches && taken.add(target)) {
                        mapping.put(i, target);
                        break;
                    }
                }
            }
        }
        return sortedByColumn(mapping);
    }

    /** A header as compared: lower case, accents dropped, letters and digits only. */
    static String key(String header) {
        if (header == null) {
            return "";
        }
        String s = Normalizer.normalize(header, Normalizer.Form.NFD).toLowerCase(Locale.ROOT);
        StringBuilder key = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                key.append(c);
            } else if (c == 'ß') {
                key.append("ss");
            } else if (Character.isLetter(c)) {
                key.append(c);
            }
        }
        return key.toString();
    }

    private static Map<Integer, String> sortedByColumn(Map<Integer, String> mapping) {
        Map<Integer, String> sorted = new LinkedHashMap<>();
        mapping.keySet().stream().sorted().forEach(i -> sorted.put(i, mapping.get(i)));
        return sorted;
    }
}
