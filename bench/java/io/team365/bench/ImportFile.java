package io.team365.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The contacts file the import benchmark imports: a Google Contacts export as people have them. Names with accents,
 * one to two emails and phones in several national and international formats, companies and titles, notes that need
 * quoting (commas, quotes, now and then a line break), 5% rows that repeat an earlier person (same address, other
 * case) and 1% bad rows (no name and an invalid address, or a name over the length limit). Every row has the header's
 * number of fields, so PostgreSQL's own COPY (the baseline) reads the same file.
 */
final class ImportFile {

    static final List<String> HEADER = List.of(
            "First Name", "Last Name", "E-mail 1 - Value", "E-mail 2 - Value", "Phone 1 - Value", "Phone 2 - Value",
            "Organization 1 - Name", "Organization 1 - Title", "Address 1 - City", "Address 1 - Country", "Labels",
            "Notes");

    record Made(long rows, long duplicates, long bad, long bytes) {}

    private ImportFile() {}

    static Made write(Path file, int rows, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> emails = new ArrayList<>(rows);
        long duplicates = 0;
        long bad = 0;
        Path partial = file.resolveSibling(file.getFileName() + ".part");
        try (BufferedWriter out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            out.write(String.join(",", HEADER));
            out.write("\r\n");
            for (int i = 0; i < rows; i++) {
                String first = Synthetic.pick(random, Synthetic.FIRST_NAMES);
                String last = Synthetic.pick(random, Synthetic.LAST_NAMES);
                String email;
                int kind = random.nextInt(1000);
                if (kind < 50 && !emails.isEmpty()) {
                    // someone already in the file, their address typed another way
                    email = emails.get(random.nextInt(emails.size())).toUpperCase(Locale.ROOT);
                    duplicates++;
                } else {
                    email = Synthetic.ascii(first) + "." + Synthetic.ascii(last) + "." + i + "@"
                            + Synthetic.ascii(Synthetic.pick(random, Synthetic.COMPANY_WORDS)) + ".example";
                    emails.add(email);
                }
                if (kind >= 990) {
                    bad++;
                    if (kind % 2 == 0) {
                        first = "";
                        last = "";
                        email = "not-an-address-" + i;
                    } else {
                        last = last.repeat(30);
                    }
                }
                String second = random.nextInt(10) < 3 ? Synthetic.ascii(first) + i + "@mail.example" : "";
                String company = company(random.nextInt(COMPANIES));
                String notes = switch (random.nextInt(20)) {
                    case 0 -> "Met at the fair, hall " + random.nextInt(9) + "; wants a \"pilot\"";
                    case 1 -> "Call back after the holidays\nprefers email";
                    default -> "";
                };
                List<String> values = List.of(
                        first,
                        last,
                        email,
                        second,
                        phone(random, i),
                        random.nextInt(10) < 4 ? mobile(random, i) : "",
                        company,
                        Synthetic.pick(random, Synthetic.JOB_TITLES),
                        Synthetic.pick(random, Synthetic.CITIES),
                        Synthetic.pick(random, Synthetic.COUNTRIES),
                        random.nextInt(3) == 0 ? "customer" : "prospect",
                        notes);
                for (int v = 0; v < values.size(); v++) {
                    if (v > 0) {
                        out.write(',');
                    }
                    out.write(quoted(values.get(v)));
                }
                out.write("\r\n");
            }
        }
        Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return new Made(rows, duplicates, bad, Files.size(file));
    }

    /** Ten people per company on average, as in a real address book of business contacts. */
    static final int COMPANIES = 100_000;

    private static String company(int n) {
        String[] w = Synthetic.COMPANY_WORDS;
        return w[n % w.length] + " " + w[(n / w.length) % w.length] + " " + (n / (w.length * w.length)) + " "
                + Synthetic.COMPANY_SUFFIXES[n % Synthetic.COMPANY_SUFFIXES.length];
    }

    /** German numbers written the ways people write them; the import's default region is DE. */
    private static String phone(SplittableRandom random, int i) {
        // one number per person (2,000,000 + i), so only the repeated rows are duplicates
        String subscriber = String.valueOf(2_000_000 + i % 7_000_000);
        return switch (random.nextInt(4)) {
            case 0 -> "+49 30 " + subscriber;
            case 1 -> "030 " + subscriber;
            case 2 -> "(030) " + subscriber.substring(0, 3) + "-" + subscriber.substring(3);
            default -> "0049 89 " + subscriber;
        };
    }

    /** German mobile numbers (0151 with eight digits, 0170 with seven), international and national. */
    private static String mobile(SplittableRandom random, int i) {
        long n = i * 31L + random.nextInt(97);
        return random.nextBoolean()
                ? "+49 151 " + (10_000_000 + n % 90_000_000)
                : "0170 " + (1_000_000 + n % 9_000_000);
    }

    private static String quoted(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
