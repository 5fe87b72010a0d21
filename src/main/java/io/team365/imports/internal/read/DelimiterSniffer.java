package io.team365.imports.internal.read;

import java.util.ArrayList;
import java.util.List;

/**
 * Tells which of comma, semicolon (Excel in much of Europe), tab or pipe separates the values, from the start of the
 * file: the one that appears in the header line and the same number of times in most of the lines after it, outside
 * quotes.
 */
final class DelimiterSniffer {

    private static final char[] CANDIDATES = {',', ';', '\t', '|'};
    private static final int MAX_LINES = 50;

    private DelimiterSniffer() {}

    static char sniff(String sample, boolean complete) {
        List<int[]> lines = new ArrayList<>();
        int[] counts = new int[CANDIDATES.length];
        boolean inQuotes = false;
        boolean content = false;
        for (int i = 0; i < sample.length() && lines.size() < MAX_LINES; i++) {
            char c = sample.charAt(i);
            if (c == '"') {
                inQuotes = !inQuotes;
                content = true;
            } else if (!inQuotes && (c == '\n' || c == '\r')) {
                if (content) {
                    lines.add(counts);
                    counts = new int[CANDIDATES.length];
                    content = false;
                }
            } else if (!inQuotes) {
                for (int k = 0; k < CANDIDATES.length; k++) {
                    if (c == CANDIDATES[k]) {
                        counts[k]++;
                    }
                }
                content |= !Character.isWhitespace(c) && c != '\uFEFF';
            }
        }
        if (content && complete && lines.size() < MAX_LINES) {
            lines.add(counts);
        }
        if (lines.isEmpty()) {
            return ',';
        }
        int[] header = lines.get(0);
        int best = -1;
        long bestScore = -1;
        for (int k = 0; k < CANDIDATES.length; k++) {
            if (header[k] == 0) {
                continue;
            }
            int consistent = 0;
            for (int i = 1; i < lines.size(); i++) {
                if (lines.get(i)[k] == header[k]) {
                    consistent++;
                }
            }
            long score = consistent * 10_000L + header[k];
            if (score > bestScore) {
                bestScore = score;
                best = k;
            }
        }
        return best < 0 ? ',' : CANDIDATES[best];
    }
}
