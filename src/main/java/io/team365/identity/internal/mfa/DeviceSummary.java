package io.team365.identity.internal.mfa;

/**
 * "Firefox on Windows" from a User-Agent header: only the browser family and the operating system, never the raw
 * string (which with its versions and build numbers says far more about a device than the list needs).
 */
public final class DeviceSummary {

    private DeviceSummary() {}

    public static String of(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return "Unknown device";
        }
        return browser(userAgent) + " on " + system(userAgent);
    }

    static String browser(String ua) {
        // order matters: Edge and Opera say Chrome, Chrome says Safari
        if (ua.contains("Edg/") || ua.contains("Edge/")) {
            return "Edge";
        }
        if (ua.contains("OPR/") || ua.contains("Opera")) {
            return "Opera";
        }
        if (ua.contains("Firefox/") || ua.contains("FxiOS/")) {
            return "Firefox";
        }
        if (ua.contains("Chrome/") || ua.contains("CriOS/") || ua.contains("Chromium/")) {
            return "Chrome";
        }
        if (ua.contains("Safari/")) {
            return "Safari";
        }
        if (ua.startsWith("Java-http-client") || ua.startsWith("curl/")) {
            return "Program";
        }
        return "Unknown browser";
    }

    static String system(String ua) {
        if (ua.contains("Android")) {
            return "Android";
        }
        if (ua.contains("iPhone") || ua.contains("iPad") || ua.contains("iPod")) {
            return "iOS";
        }
        if (ua.contains("Windows")) {
            return "Windows";
        }
        if (ua.contains("Mac OS X") || ua.contains("Macintosh")) {
            return "macOS";
        }
        if (ua.contains("CrOS")) {
            return "ChromeOS";
        }
        if (ua.contains("Linux")) {
            return "Linux";
        }
        return "unknown system";
    }
}
