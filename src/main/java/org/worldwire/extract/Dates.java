package org.worldwire.extract;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads the date formats pages put in metadata and {@code <time>}: ISO-8601 and its common deviations, RFC 1123,
 * compact {@code 20191119}, and English month-name dates. The page's own offset is kept, so the calendar date
 * stays the one the publisher printed; a missing offset means UTC.
 */
final class Dates {
    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})(?:[T\\s]+(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,]\\d+)?)?\\s*(Z|[+-]\\d{2}(?::?\\d{2})?|UTC|GMT)?)?");
    private static final Pattern COMPACT = Pattern.compile("^(\\d{4})(\\d{2})(\\d{2})(?:T?(\\d{2})(\\d{2})(\\d{2})?)?(Z)?$");
    private static final Pattern RFC = Pattern.compile(
            "(\\d{1,2})\\s+([A-Za-z]{3,9})\\.?,?\\s+(\\d{4})(?:\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*(GMT|UTC|Z|[+-]\\d{2}:?\\d{2})?)?");
    private static final Pattern MDY = Pattern.compile(
            "([A-Za-z]{3,9})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?:,?\\s*(?:at\\s+)?(\\d{1,2})[:.](\\d{2})\\s*([ap]\\.?m\\.?)?)?",
            Pattern.CASE_INSENSITIVE);
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5),
            Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10),
            Map.entry("nov", 11), Map.entry("dec", 12));

    private Dates() {}

    static @Nullable OffsetDateTime parse(@Nullable String raw) {
        if (raw == null) return null;
        String s = raw.strip();
        if (s.isEmpty() || s.length() > 200) return null;
        try {
            Matcher m = ISO.matcher(s);
            if (m.find()) {
                LocalDate d = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
                LocalTime t = m.group(4) == null ? LocalTime.MIDNIGHT
                        : LocalTime.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                                m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
                return plausible(OffsetDateTime.of(LocalDateTime.of(d, t), offset(m.group(7))));
            }
            m = COMPACT.matcher(s);
            if (m.find()) {
                LocalDate d = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
                LocalTime t = m.group(4) == null ? LocalTime.MIDNIGHT
                        : LocalTime.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                                m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
                return plausible(OffsetDateTime.of(LocalDateTime.of(d, t), ZoneOffset.UTC));
            }
            m = RFC.matcher(s);
            if (m.find()) {
                Integer month = month(m.group(2));
                if (month != null) {
                    LocalDate d = LocalDate.of(Integer.parseInt(m.group(3)), month, Integer.parseInt(m.group(1)));
                    LocalTime t = m.group(4) == null ? LocalTime.MIDNIGHT
                            : LocalTime.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                                    m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
                    return plausible(OffsetDateTime.of(LocalDateTime.of(d, t), offset(m.group(7))));
                }
            }
            m = MDY.matcher(s);
            if (m.find()) {
                Integer month = month(m.group(1));
                if (month != null) {
                    LocalDate d = LocalDate.of(Integer.parseInt(m.group(3)), month, Integer.parseInt(m.group(2)));
                    LocalTime t = LocalTime.MIDNIGHT;
                    if (m.group(4) != null) {
                        int h = Integer.parseInt(m.group(4)) % 12;
                        String ampm = m.group(6);
                        if (ampm == null) h = Integer.parseInt(m.group(4));
                        else if (ampm.toLowerCase(Locale.ROOT).startsWith("p")) h += 12;
                        t = LocalTime.of(h, Integer.parseInt(m.group(5)));
                    }
                    return plausible(OffsetDateTime.of(LocalDateTime.of(d, t), ZoneOffset.UTC));
                }
            }
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
        return null;
    }

    private static @Nullable OffsetDateTime plausible(OffsetDateTime t) {
        return t.getYear() < 1990 || t.getYear() > 2100 ? null : t;
    }

    private static @Nullable Integer month(String name) {
        String k = name.toLowerCase(Locale.ROOT);
        return k.length() < 3 ? null : MONTHS.get(k.substring(0, 3));
    }

    private static ZoneOffset offset(@Nullable String z) {
        if (z == null || z.equals("Z") || z.equals("UTC") || z.equals("GMT")) return ZoneOffset.UTC;
        String digits = z.replace(":", "");
        int sign = digits.charAt(0) == '-' ? -1 : 1;
        int h = Integer.parseInt(digits.substring(1, 3));
        int min = digits.length() >= 5 ? Integer.parseInt(digits.substring(3, 5)) : 0;
        return ZoneOffset.ofHoursMinutes(sign * h, sign * min);
    }
}
