package org.worldwire.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * Decides what each new article is, the way the news world does: a report of an open event (several publishers
 * report one event in their own words and languages over hours), the first report of a new event, an unrelated
 * one-off story, or the reprint of another publisher's recent original (an agency copy). Shared by the HTTP world
 * and the in-memory stream so that both publish the same kind of news.
 *
 * <p>Event sizes are skewed: most events get one to three reports, one in twenty gets ten to forty. When an event
 * starts, the times of its later reports are drawn over its span (hours; a day or more for big ones), front-loaded
 * as breaking news is; an arriving article takes the earliest report that is due, and only when none is due does a
 * new story start, so the share of new stories regulates itself. Kinds that cannot happen twice in one place at once
 * (an earthquake, an election) get a free place, so concurrent events of one kind are in different places; trials
 * and strikes may share a city and differ by their names and numbers.
 *
 * <p>Time is the articles' own, or, for a world whose publication rate is anything from a few a minute to hundreds a
 * second, a clock that advances a fixed step per article, so that events unfold over the same number of articles
 * whatever the rate. Memory is bounded by the reports still due and one ring of recent originals per language.
 *
 * @param <K> what identifies a published article to its publisher (its URL's record, its id)
 */
final class Newsroom<K> {
    /** An original report kept for reprinting, with the event it reports. */
    record Original<K>(K key, int publisher, Text.Story story, @Nullable NewsEvent event, int reportNo, long eventId,
            int weight) {}

    /** What the next article is. */
    sealed interface Plan<K> permits Report, OneOff, Copy {
        long eventId();
    }

    /**
     * The {@code reportNo}-th (0-based) report of an event, in the publisher's own words; {@code size} is how many
     * reports the event was meant to get.
     */
    record Report<K>(NewsEvent event, int reportNo, int size) implements Plan<K> {
        @Override
        public long eventId() {
            return event.id();
        }
    }

    /**
     * An unrelated story nobody else reports: an event of its own, with its own people, numbers and concepts like
     * any other (a story with no actors of its own would be one no reader could tell from another in its city).
     */
    record OneOff<K>(NewsEvent event) implements Plan<K> {
        @Override
        public long eventId() {
            return event.id();
        }
    }

    /** A reprint of another publisher's original. */
    record Copy<K>(Original<K> original) implements Plan<K> {
        @Override
        public long eventId() {
            return original.eventId();
        }
    }

    /** A report of an event still to be written, due at {@code at} on the newsroom's clock. */
    private record Due(long at, NewsEvent event, int size) {}

    /** An original in a ring, with when it was kept on the newsroom's clock. */
    private record Kept<K>(Original<K> original, long at) {}

    private static final int MAX_DUE = 200_000;
    /** Wire copy is reprinted within hours or not at all. */
    private static final long MAX_COPY_AGE_NANOS = 3 * 3_600_000_000_000L;

    private final double copyShare;
    private final double oneOffShare;
    private final int ringSize;
    private final long nanosPerArticle;
    private final PriorityQueue<Due> due = new PriorityQueue<>(java.util.Comparator.comparingLong(Due::at));
    private final Map<Integer, Long> exclusiveUntil = new HashMap<>();
    private final Map<Long, int[]> reportsSoFar = new HashMap<>();
    private final Map<String, ArrayDeque<Kept<K>>> rings = new HashMap<>();
    private final Map<String, List<Integer>> placesByCountry = new HashMap<>();
    private long lastEventId;
    private long articles;
    private long now;

    /**
     * @param copyShare share of articles that reprint a recent original of another publisher of the same language
     * @param oneOffShare share of new stories that are unrelated one-offs rather than events others may report
     * @param ringSize recent originals per language that may be reprinted
     * @param perArticle zero to schedule by the articles' own times; otherwise the step the newsroom's clock takes
     *     per article
     */
    Newsroom(double copyShare, double oneOffShare, int ringSize, Duration perArticle) {
        this.copyShare = copyShare;
        this.oneOffShare = oneOffShare;
        this.ringSize = ringSize;
        this.nanosPerArticle = perArticle.toNanos();
        for (int i = 0; i < Lexicon.PLACES.size(); i++) {
            placesByCountry.computeIfAbsent(Lexicon.PLACES.get(i).country(), c -> new ArrayList<>()).add(i);
        }
    }

    /** Decides the next article of a publisher based in {@code country} writing {@code language} at {@code time}. */
    synchronized Plan<K> plan(int publisher, String country, String language, Instant time, SplittableRandom r,
            boolean mayCopy) {
        now = nanosPerArticle > 0 ? articles * nanosPerArticle : time.getEpochSecond() * 1_000_000_000L + time.getNano();
        articles++;
        if (mayCopy && r.nextDouble() < copyShare) {
            Original<K> o = pickOriginal(language, publisher, now, r);
            if (o != null) return new Copy<>(o);
        }
        Due next = due.peek();
        if (next != null && next.at() <= now) {
            due.poll();
            int[] count = reportsSoFar.get(next.event().id());
            int reportNo = count[0]++;
            if (count[0] >= next.size()) reportsSoFar.remove(next.event().id());
            return new Report<>(next.event(), reportNo, next.size());
        }
        long id = ++lastEventId;
        if (r.nextDouble() < oneOffShare) {
            EventKind kind = EventKind.values()[r.nextInt(EventKind.values().length)];
            return new OneOff<>(NewsEvent.random(id, r, time, kind, pickPlace(kind, country, now, r)));
        }
        EventKind kind = EventKind.values()[r.nextInt(EventKind.values().length)];
        int size = eventSize(r);
        long span = spanNanos(size, r);
        int place = pickPlace(kind, country, now, r);
        if (kind.exclusive) exclusiveUntil.put(kind.ordinal() * 1_000 + place, now + span);
        NewsEvent event = NewsEvent.random(id, r, time, kind, place);
        if (size > 1 && due.size() + size <= MAX_DUE) {
            reportsSoFar.put(id, new int[] {1});
            for (int i = 1; i < size; i++) {
                // Front-loaded: most reports come early, a few trail to the end of the span.
                double u = r.nextDouble();
                due.add(new Due(now + (long) (span * u * u * u), event, size));
            }
        }
        return new Report<>(event, 0, size);
    }

    /** Keeps an original (never a copy: a story has one origin) so that other publishers may reprint it. */
    synchronized void remember(String language, Original<K> original) {
        ArrayDeque<Kept<K>> ring = rings.computeIfAbsent(language, k -> new ArrayDeque<>());
        ring.addFirst(new Kept<>(original, now));
        if (ring.size() > ringSize) ring.removeLast();
    }

    /** Events started so far, one-offs included. */
    synchronized long events() {
        return lastEventId;
    }

    static int eventSize(SplittableRandom r) {
        double u = r.nextDouble();
        if (u < 0.45) return 1;
        if (u < 0.67) return 2;
        if (u < 0.80) return 3;
        if (u < 0.95) return 4 + r.nextInt(6);
        return 9 + (int) Math.exp(r.nextDouble() * Math.log(32));
    }

    private static long spanNanos(int size, SplittableRandom r) {
        double hours = size <= 3 ? 1 + 5 * r.nextDouble() : size < 10 ? 3 + 9 * r.nextDouble() : 8 + 28 * r.nextDouble();
        return (long) (hours * 3_600e9);
    }

    private int pickPlace(EventKind kind, String country, long now, SplittableRandom r) {
        List<Integer> home = placesByCountry.get(country);
        int place = 0;
        for (int attempt = 0; attempt < 8; attempt++) {
            place = home != null && r.nextInt(5) < 2 ? home.get(r.nextInt(home.size()))
                    : r.nextInt(Lexicon.PLACES.size());
            if (!kind.exclusive) return place;
            Long until = exclusiveUntil.get(kind.ordinal() * 1_000 + place);
            if (until == null || until <= now) return place;
        }
        return place;
    }

    private @Nullable Original<K> pickOriginal(String language, int publisher, long now, SplittableRandom r) {
        ArrayDeque<Kept<K>> ring = rings.get(language);
        if (ring == null) return null;
        while (!ring.isEmpty() && now - ring.peekLast().at() > MAX_COPY_AGE_NANOS) ring.removeLast();
        int total = 0;
        for (Kept<K> k : ring) if (k.original().publisher() != publisher) total += k.original().weight();
        if (total == 0) return null;
        int ticket = r.nextInt(total);
        for (Kept<K> k : ring) {
            if (k.original().publisher() == publisher) continue;
            ticket -= k.original().weight();
            if (ticket < 0) return k.original();
        }
        return null;
    }

    /** One publisher in eight acts as a news agency whose originals others reprint most. */
    static boolean agency(int publisher) {
        return publisher % 8 == 0;
    }

    /** How much more often an original is reprinted: agencies' and big events' reports most. */
    static int copyWeight(boolean agency, Plan<?> plan) {
        int w = agency ? 4 : 1;
        int size = plan instanceof Report<?> report ? report.size() : 1;
        return size >= 10 ? w * 4 : size >= 4 ? w * 2 : w;
    }
}
