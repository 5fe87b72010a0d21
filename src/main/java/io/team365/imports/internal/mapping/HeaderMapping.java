package io.team365.imports.internal.mapping;

import io.team365.imports.ImportObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Suggests a target field for each column from its header, knowing the headers of the exports of Google Contacts,
 * Outlook, HubSpot, Salesforce and Zoho.
 *
 * <p>PLACEHOLDER (to be replaced): matches a header equal to a target field's key, ignoring case.
 */
public final class HeaderMapping {

    private HeaderMapping() {}

    /** Column index → target field key, for the columns it recognises. */
    public static Map<Integer, String> suggest(ImportObject object, List<String> columns) {
        Map<Integer, String> mapping = new LinkedHashMap<>();
        List<String> targets = TargetFields.of(object);
        for (int i = 0; i < columns.size(); i++) {
            int column = i;
            String header = columns.get(i).strip();
            targets.stream().filter(t -> t.equalsIgnoreCase(header)).findFirst().ifPresent(t -> mapping.put(column, t));
        }
        return mapping;
    }
}
