package io.team365.files.internal;

import java.text.NumberFormat;
import java.util.Locale;

/** Sizes as people read them: 512 B, 14.2 KB, 3.1 MB (powers of 1024, as file managers show them). */
public final class FileSizes {

    private static final String[] UNITS = {"B", "KB", "MB", "GB", "TB"};

    private FileSizes() {}

    public static String human(long bytes, Locale locale) {
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(unit == 0 ? 0 : 1);
        return format.format(value) + " " + UNITS[unit];
    }
}
