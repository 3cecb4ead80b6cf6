package vn.docaxis.web;

import io.quarkus.qute.TemplateExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import vn.docaxis.platform.Now;

/** How pages write times, days and sizes: Vietnamese conventions, in Vietnam's time zone. */
@TemplateExtension
public final class Formats {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss").withZone(Now.VIETNAM);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private Formats() {
    }

    /** {@code {p.receivedAt.vn}}: 23/11/2026 14:05:09 (Vietnam time). */
    static String vn(Instant at) {
        return TIME.format(at);
    }

    static String vn(LocalDate day) {
        return DAY.format(day);
    }

    /** {@code {here.encoded}}: for a query parameter. */
    public static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** {@code {p.size.bytes}}: 1 234 567 B → 1,2 MB. */
    static String bytes(long size) {
        if (size < 1024) {
            return size + " B";
        }
        String[] units = {"kB", "MB", "GB"};
        double value = size;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.forLanguageTag("vi"), "%.1f %s", value, units[unit]);
    }
}
