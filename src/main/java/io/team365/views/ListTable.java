package io.team365.views;

import java.util.List;
import java.util.UUID;

/**
 * A record list as the shared table template ({@code views/table.jte}) draws it: the headers (sortable ones with the
 * sort they ask for), and per record a title linking to its page and the chosen columns' cells. Each list page
 * builds one from its records, so every list looks and behaves the same: sorting, selection for bulk actions,
 * paging.
 */
public record ListTable(String path, List<Header> headers, List<Row> rows) {

    /** A column: {@code sort} is the sort a click asks for (ascending first), null when it does not sort. */
    public record Header(String key, String label, String sort) {}

    public record Row(UUID id, String title, String href, List<Cell> cells) {}

    /** A cell's text, optionally a link ({@code external} opens the web address outside), optionally tag badges. */
    public record Cell(String text, String href, boolean external, List<String> tags) {

        public static Cell text(String text) {
            return new Cell(text == null ? "" : text, null, false, List.of());
        }

        public static Cell link(String text, String href) {
            return new Cell(text == null ? "" : text, href, false, List.of());
        }

        public static Cell external(String text, String href) {
            return new Cell(text == null ? "" : text, href, true, List.of());
        }

        public static Cell tags(List<String> tags) {
            return new Cell("", null, false, List.copyOf(tags));
        }
    }
}
