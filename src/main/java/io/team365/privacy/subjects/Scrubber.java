package io.team365.privacy.subjects;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Replaces a subject's identifiers inside shared text with {@value #ERASED}: emails and names whole-word and
 * case-insensitively, phones whatever separators they were written with. JSON stays JSON: only string values (and
 * object keys) are rewritten, never the structure.
 */
final class Scrubber {

    static final String ERASED = "[erased]";
    private static final String NOT_WORD = "(?<![\\p{L}\\p{N}])";
    private static final String NOT_WORD_AFTER = "(?![\\p{L}\\p{N}])";

    private final List<Pattern> patterns = new ArrayList<>();

    /** @param withNameParts whether single first and last names are replaced too, not only full names */
    Scrubber(SubjectIdentity subject, boolean withNameParts) {
        // longest first, so "Jane Doe" goes whole before "Jane" would leave "[erased] Doe" to match again
        List<String> words = new ArrayList<>();
        words.addAll(subject.emails());
        words.addAll(subject.fullNames());
        if (withNameParts) {
            words.addAll(subject.nameParts());
        }
        words.sort(Comparator.comparingInt(String::length).reversed());
        for (String word : words) {
            patterns.add(Pattern.compile(
                    NOT_WORD + Pattern.quote(word) + NOT_WORD_AFTER, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
        }
        for (String phone : subject.phones()) {
            String digits = SubjectIdentity.digits(phone);
            if (digits.length() >= SubjectIdentity.MIN_PHONE_DIGITS) {
                patterns.add(
                        Pattern.compile("(?<!\\d)\\+?" + String.join("[\\s().\\-/]*", digits.split("")) + "(?!\\d)"));
            }
        }
    }

    String text(String value) {
        if (value == null) {
            return null;
        }
        String scrubbed = value;
        for (Pattern pattern : patterns) {
            scrubbed = pattern.matcher(scrubbed).replaceAll(ERASED);
        }
        return scrubbed;
    }

    /**
     * A JSON value with every string (and key) scrubbed, or the same text when nothing in it names the subject;
     * non-JSON text is scrubbed as text. A string holding serialized JSON stays valid: the placeholder needs no
     * escaping and identifiers hold no quotes.
     */
    String json(ObjectMapper mapper, String value) {
        if (value == null || text(value).equals(value)) {
            return value;
        }
        JsonNode tree;
        try {
            tree = mapper.readTree(value);
        } catch (RuntimeException notJson) {
            return text(value);
        }
        return mapper.writeValueAsString(node(mapper, tree));
    }

    private JsonNode node(ObjectMapper mapper, JsonNode node) {
        if (node.isString()) {
            return StringNode.valueOf(text(node.asString()));
        }
        if (node.isArray()) {
            ArrayNode copy = mapper.createArrayNode();
            node.forEach(element -> copy.add(node(mapper, element)));
            return copy;
        }
        if (node.isObject()) {
            ObjectNode copy = mapper.createObjectNode();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                copy.set(text(field.getKey()), node(mapper, field.getValue()));
            }
            return copy;
        }
        return node;
    }
}
