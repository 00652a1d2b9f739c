package org.worldwire.feed;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Dates as feeds write them: RFC 822/1123 and their common corruptions (missing weekday, two-digit years, named and
 * military zones, missing seconds, commas and dots in odd places), ISO 8601/W3C-DTF (basic and extended, reduced
 * precision, fractions, ordinal dates), and a few other forms, all normalised to UTC. Unparseable gives null.
 */
public final class FeedDates {
    private FeedDates() {}

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4),
            Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8),
            Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("nov", 11), Map.entry("dec", 12),
            Map.entry("mär", 3), Map.entry("mrz", 3), Map.entry("mai", 5), Map.entry("okt", 10), Map.entry("dez", 12),
            Map.entry("janv", 1), Map.entry("févr", 2), Map.entry("fevr", 2), Map.entry("mars", 3), Map.entry("avr", 4),
            Map.entry("juin", 6), Map.entry("juil", 7), Map.entry("août", 8), Map.entry("aout", 8),
            Map.entry("déc", 12));

    /** Zone names in minutes east of UTC. */
    private static final Map<String, Integer> ZONES = Map.ofEntries(
            Map.entry("ut", 0), Map.entry("utc", 0), Map.entry("gmt", 0), Map.entry("z", 0), Map.entry("wet", 0),
            Map.entry("bst", 60), Map.entry("cet", 60), Map.entry("met", 60), Map.entry("cest", 120),
            Map.entry("mest", 120), Map.entry("eet", 120), Map.entry("eest", 180), Map.entry("msk", 180),
            Map.entry("ist", 330), Map.entry("jst", 540), Map.entry("kst", 540), Map.entry("hkt", 480),
            Map.entry("sgt", 480), Map.entry("awst", 480), Map.entry("aest", 600), Map.entry("aedt", 660),
            Map.entry("acst", 570), Map.entry("nzst", 720), Map.entry("nzdt", 780),
            Map.entry("est", -300), Map.entry("edt", -240), Map.entry("cst", -360), Map.entry("cdt", -300),
            Map.entry("mst", -420), Map.entry("mdt", -360), Map.entry("pst", -480), Map.entry("pdt", -420),
            Map.entry("ast", -240), Map.entry("adt", -180), Map.entry("nst", -210), Map.entry("ndt", -150),
            Map.entry("akst", -540), Map.entry("akdt", -480), Map.entry("hst", -600),
            Map.entry("a", -60), Map.entry("n", 60), Map.entry("m", -720), Map.entry("y", 720));

    public static @Nullable Instant parse(@Nullable String raw) {
        if (raw == null) return null;
        String s = raw.strip();
        if (s.isEmpty() || s.length() > 120) return null;
        try {
            Instant iso = iso8601(s);
            if (iso != null) return iso;
            return rfc822(s);
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    // ---- ISO 8601 / W3C-DTF ------------------------------------------------------------------------------------

    private static @Nullable Instant iso8601(String s) {
        int n = s.length();
        int i = 0;
        if (n < 4 || !digit(s, 0) || !digit(s, 1) || !digit(s, 2) || !digit(s, 3)) {
            // Two-digit-year W3C forms ("03-12-31") are rare enough to leave to the RFC 822 path.
            return null;
        }
        int year = num(s, 0, 4);
        i = 4;
        int month = 1, day = 1;
        boolean basic;
        if (i < n && s.charAt(i) == '-') {
            basic = false;
            i++;
            if (i + 3 <= n && digit(s, i) && digit(s, i + 1) && digit(s, i + 2) && (i + 3 == n || !digit(s, i + 3))) {
                // Ordinal date: YYYY-DDD
                int ordinal = num(s, i, 3);
                LocalDate d = LocalDate.ofYearDay(year, ordinal);
                month = d.getMonthValue();
                day = d.getDayOfMonth();
                i += 3;
            } else {
                if (i + 2 > n || !digit(s, i) || !digit(s, i + 1)) return null;
                month = num(s, i, 2);
                i += 2;
                if (i < n && s.charAt(i) == '-') {
                    i++;
                    if (i + 2 > n || !digit(s, i) || !digit(s, i + 1)) return null;
                    day = num(s, i, 2);
                    i += 2;
                }
            }
        } else if (i + 4 <= n && digit(s, i) && digit(s, i + 1) && digit(s, i + 2) && digit(s, i + 3)) {
            basic = true;
            month = num(s, i, 2);
            day = num(s, i + 2, 2);
            i += 4;
        } else if (i == n) {
            return LocalDate.of(year, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
        } else {
            return null;
        }
        int hour = 0, minute = 0, second = 0, nano = 0;
        if (i < n && (s.charAt(i) == 'T' || s.charAt(i) == 't' || s.charAt(i) == ' ')) {
            i++;
            if (i + 2 > n || !digit(s, i) || !digit(s, i + 1)) return null;
            hour = num(s, i, 2);
            i += 2;
            if (i < n && s.charAt(i) == ':') i++;
            if (i + 2 <= n && digit(s, i) && digit(s, i + 1)) {
                minute = num(s, i, 2);
                i += 2;
                if (i < n && s.charAt(i) == ':') i++;
                if (i + 2 <= n && digit(s, i) && digit(s, i + 1)) {
                    second = num(s, i, 2);
                    i += 2;
                    if (i < n && (s.charAt(i) == '.' || s.charAt(i) == ',')) {
                        i++;
                        int start = i;
                        while (i < n && digit(s, i)) i++;
                        String frac = (s.substring(start, Math.min(i, start + 9)) + "000000000").substring(0, 9);
                        nano = Integer.parseInt(frac);
                    }
                }
            }
        }
        while (i < n && s.charAt(i) == ' ') i++;
        int offsetMinutes = 0;
        if (i < n) {
            char c = s.charAt(i);
            if (c == 'Z' || c == 'z') {
                i++;
            } else if (c == '+' || c == '-') {
                int sign = c == '-' ? -1 : 1;
                i++;
                if (i + 2 > n || !digit(s, i) || !digit(s, i + 1)) return null;
                int oh = num(s, i, 2);
                i += 2;
                int om = 0;
                if (i < n && s.charAt(i) == ':') i++;
                if (i + 2 <= n && digit(s, i) && digit(s, i + 1)) {
                    om = num(s, i, 2);
                    i += 2;
                }
                offsetMinutes = sign * (oh * 60 + om);
            } else {
                String rest = s.substring(i).strip().toLowerCase(Locale.ROOT);
                Integer z = ZONES.get(rest);
                if (z == null) return null;
                offsetMinutes = z;
                i = n;
            }
        }
        if (i != n && !basic) return null;
        if (i != n) return null;
        if (hour == 24 && minute == 0 && second == 0) {
            return LocalDateTime.of(year, month, day, 0, 0).plusDays(1).toInstant(ZoneOffset.ofTotalSeconds(offsetMinutes * 60));
        }
        return LocalDateTime.of(year, month, day, hour, minute, Math.min(second, 59), nano)
                .toInstant(ZoneOffset.ofTotalSeconds(offsetMinutes * 60));
    }

    // ---- RFC 822 and friends -----------------------------------------------------------------------------------

    private static @Nullable Instant rfc822(String s) {
        // Tokenise on whitespace and commas; keep ':' inside time tokens, '+'/'-' at zone starts.
        String[] raw = s.replace(',', ' ').trim().split("\\s+");
        if (raw.length > 12) return null;
        Integer day = null, month = null, year = null;
        int hour = 0, minute = 0, second = 0;
        boolean haveTime = false;
        Integer offset = null;
        boolean pm = false, am = false;
        for (String tok : raw) {
            if (tok.isEmpty()) continue;
            String t = tok.toLowerCase(Locale.ROOT);
            if (t.endsWith(".") && t.length() > 1) t = t.substring(0, t.length() - 1);
            if (!haveTime && t.indexOf(':') > 0 && digit(t, 0)) {
                // hh:mm[:ss][.fff][zone glued on]
                int zoneAt = indexOfZone(t);
                String time = zoneAt >= 0 ? t.substring(0, zoneAt) : t;
                String[] parts = time.split(":");
                hour = Integer.parseInt(parts[0]);
                minute = parts.length > 1 && !parts[1].isEmpty() ? Integer.parseInt(parts[1]) : 0;
                if (parts.length > 2 && !parts[2].isEmpty()) {
                    String sec = parts[2];
                    int dot = sec.indexOf('.');
                    second = Integer.parseInt(dot >= 0 ? sec.substring(0, dot) : sec);
                }
                haveTime = true;
                if (zoneAt >= 0) offset = zone(t.substring(zoneAt));
                continue;
            }
            if (t.equals("am") || t.equals("pm")) {
                pm = t.equals("pm");
                am = !pm;
                continue;
            }
            if ((t.startsWith("+") || t.startsWith("-")) && t.length() >= 3 && digit(t, 1)) {
                offset = zone(t);
                continue;
            }
            if (digit(t, 0)) {
                // a number: day or year (or a date like 2003-12-31 / 31/12/2003)
                if (t.indexOf('-') > 0 || t.indexOf('/') > 0) {
                    String[] p = t.split("[-/]");
                    if (p.length == 3 && allDigits(p[0]) && allDigits(p[2])) {
                        if (p[0].length() == 4) {
                            year = Integer.parseInt(p[0]);
                            month = monthOf(p[1]);
                            day = Integer.parseInt(p[2]);
                        } else {
                            day = Integer.parseInt(p[0]);
                            month = monthOf(p[1]);
                            year = Integer.parseInt(p[2]);
                        }
                        continue;
                    }
                    return null;
                }
                if (!allDigits(t)) {
                    // "31st" and the like
                    String d = t.replaceAll("(st|nd|rd|th)$", "");
                    if (!allDigits(d)) return null;
                    t = d;
                }
                int v = Integer.parseInt(t);
                if (t.length() >= 3 || (day != null && year == null)) {
                    year = v;
                } else if (day == null) {
                    day = v;
                } else {
                    year = v;
                }
                continue;
            }
            Integer m = monthOf(t);
            if (m != null) {
                month = m;
                continue;
            }
            Integer z = zone(t);
            if (z != null) {
                offset = z;
                continue;
            }
            // weekday names and noise words are skipped
        }
        if (day == null || month == null || year == null) return null;
        if (year < 100) year += year < 50 ? 2000 : 1900;
        if (pm && hour < 12) hour += 12;
        if (am && hour == 12) hour = 0;
        int off = offset == null ? 0 : offset;
        LocalDateTime t = LocalDateTime.of(year, month, day, 0, 0)
                .plusHours(hour).plusMinutes(minute).plusSeconds(Math.min(second, 60));
        return t.toInstant(ZoneOffset.ofTotalSeconds(Math.max(-18 * 3600, Math.min(18 * 3600, off * 60))));
    }

    private static int indexOfZone(String t) {
        for (int i = 1; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '+' || c == '-' || Character.isLetter(c)) return i;
        }
        return -1;
    }

    private static @Nullable Integer monthOf(String t) {
        String k = t.toLowerCase(Locale.ROOT);
        if (allDigits(k) && !k.isEmpty()) {
            int v = Integer.parseInt(k);
            return v >= 1 && v <= 12 ? v : null;
        }
        Integer m = MONTHS.get(k);
        if (m == null && k.length() >= 3) m = MONTHS.get(k.substring(0, 3));
        if (m != null && k.length() > 3) {
            // "june", "september", "sept": a full or longer name must still start with the abbreviation
            String full = fullName(m);
            if (!full.startsWith(k) && !MONTHS.containsKey(k)) return null;
        }
        return m;
    }

    private static String fullName(int m) {
        return switch (m) {
            case 1 -> "january"; case 2 -> "february"; case 3 -> "march"; case 4 -> "april"; case 5 -> "may";
            case 6 -> "june"; case 7 -> "july"; case 8 -> "august"; case 9 -> "september"; case 10 -> "october";
            case 11 -> "november"; default -> "december";
        };
    }

    /** A zone as "+hhmm", "-hh:mm", "+h", "GMT+1", a name, or a military letter; minutes east of UTC. */
    private static @Nullable Integer zone(String t) {
        String z = t.toLowerCase(Locale.ROOT);
        if (z.startsWith("(") && z.endsWith(")")) z = z.substring(1, z.length() - 1);
        Integer named = ZONES.get(z);
        if (named != null) return named;
        for (String prefix : new String[] {"gmt", "utc", "ut"}) {
            if (z.startsWith(prefix) && z.length() > prefix.length()
                    && (z.charAt(prefix.length()) == '+' || z.charAt(prefix.length()) == '-')) {
                z = z.substring(prefix.length());
                break;
            }
        }
        if (z.length() < 2 || (z.charAt(0) != '+' && z.charAt(0) != '-')) return null;
        int sign = z.charAt(0) == '-' ? -1 : 1;
        String d = z.substring(1).replace(":", "");
        if (!allDigits(d) || d.isEmpty() || d.length() > 4) return null;
        int h, m;
        if (d.length() <= 2) {
            h = Integer.parseInt(d);
            m = 0;
        } else {
            h = Integer.parseInt(d.substring(0, d.length() - 2));
            m = Integer.parseInt(d.substring(d.length() - 2));
        }
        if (h > 18 || m > 59) return null;
        return sign * (h * 60 + m);
    }

    private static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) if (!digit(s, i)) return false;
        return !s.isEmpty();
    }

    private static boolean digit(String s, int i) {
        return i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9';
    }

    private static int num(String s, int from, int len) {
        int v = 0;
        for (int i = from; i < from + len; i++) v = v * 10 + (s.charAt(i) - '0');
        return v;
    }
}
