package org.worldwire.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import org.worldwire.sim.Lexicon.Language;

/**
 * A stream of news articles in time order, generated in memory with the same events, reports and agency copies as
 * {@link PublisherWorld} but without HTTP: for benchmarks of copy folding and story clustering that need a hundred
 * thousand articles in seconds. Each article carries its truth (event and original).
 *
 * <p>Publishers are drawn like the world's (a country, its language, a name, a log-normal rate); arrivals are one
 * Poisson process at {@link Spec#articlesPerHour()}. Memory stays bounded however long the stream: only open events
 * and recent originals are kept. Deterministic for a given {@link Spec}. Not thread-safe.
 */
public final class StoryStream implements Iterator<StoryStream.Article> {

    /**
     * One generated article.
     *
     * @param id 1, 2, 3… in time order
     * @param language ISO 639-1 code of the publisher's language
     * @param text paragraphs separated by a blank line
     * @param countries ISO 3166-1 alpha-2 code of the place the article is about
     * @param sourceId the publisher, 1-based
     * @param eventId the event it reports (truth); copies share their original's; a one-off has one of its own
     * @param copyOfId the id of the original it reprints (truth), or 0 when it is a report of its own
     * @param eventKind the event's kind ({@code earthquake}, {@code trial}, …) or {@code one-off}
     */
    public record Article(long id, Instant time, String language, String title, String text, List<String> countries,
            long sourceId, long eventId, long copyOfId, String eventKind) {}

    /**
     * What to generate.
     *
     * @param articles how many, at least 1
     * @param publishers distinct sources, at least 2
     * @param articlesPerHour mean arrival rate over all publishers; with events open for hours it sets how many
     *     events run at once
     * @param copyShare share of articles that reprint another publisher's recent original, 0 to 1
     * @param oneOffShare share of new stories that are unrelated one-offs, 0 to 1
     */
    public record Spec(int articles, long seed, int publishers, double articlesPerHour, double copyShare,
            double oneOffShare, Instant start) {
        public Spec {
            if (articles < 1) throw new IllegalArgumentException("articles must be at least 1, got " + articles);
            if (publishers < 2) throw new IllegalArgumentException("publishers must be at least 2, got " + publishers);
            if (!(articlesPerHour > 0) || Double.isInfinite(articlesPerHour))
                throw new IllegalArgumentException("articlesPerHour must be a finite number > 0, got " + articlesPerHour);
            if (!(copyShare >= 0 && copyShare < 1)) throw new IllegalArgumentException("copyShare must be in [0, 1)");
            if (!(oneOffShare >= 0 && oneOffShare <= 1)) throw new IllegalArgumentException("oneOffShare must be in [0, 1]");
        }

        /** 400 publishers, 2,000 articles an hour (about a thousand events open at once), a quarter reprints. */
        public static Spec of(int articles, long seed) {
            return new Spec(articles, seed, 400, 2_000, 0.25, 0.3, Instant.parse("2025-03-03T00:00:00Z"));
        }

        public Spec withArticlesPerHour(double perHour) {
            return new Spec(articles, seed, publishers, perHour, copyShare, oneOffShare, start);
        }

        public Spec withCopyShare(double share) {
            return new Spec(articles, seed, publishers, articlesPerHour, share, oneOffShare, start);
        }
    }

    private record Source(int index, String name, String country, Language language) {}

    private static final int RING_SIZE = 512;

    private final Spec spec;
    private final Source[] sources;
    private final double[] cumulative;
    private final SplittableRandom random;
    private final Newsroom<Long> newsroom;
    private long nextId = 1;
    private long nanos;

    private StoryStream(Spec spec) {
        this.spec = spec;
        this.random = new SplittableRandom(spec.seed());
        SplittableRandom world = random.split();
        this.sources = new Source[spec.publishers()];
        this.cumulative = new double[spec.publishers()];
        double sum = 0;
        for (int i = 0; i < sources.length; i++) {
            Lexicon.Locale locale = Lexicon.LOCALES.get(world.nextInt(Lexicon.LOCALES.size()));
            String pattern = locale.nameFormats().get(world.nextInt(locale.nameFormats().size()));
            String name = String.format(java.util.Locale.ROOT, pattern, locale.homeCity());
            sources[i] = new Source(i, name, locale.country(), Lexicon.language(locale.language()));
            double u1 = 1 - world.nextDouble(), u2 = world.nextDouble();
            sum += Math.exp(Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2) - 0.5);
            cumulative[i] = sum;
        }
        this.newsroom = new Newsroom<>(spec.copyShare(), spec.oneOffShare(), RING_SIZE, Duration.ZERO);
    }

    public static StoryStream of(Spec spec) {
        return new StoryStream(spec);
    }

    @Override
    public boolean hasNext() {
        return nextId <= spec.articles();
    }

    @Override
    public Article next() {
        if (!hasNext()) throw new NoSuchElementException();
        long id = nextId++;
        nanos += (long) (-Math.log(1 - random.nextDouble()) * 3_600e9 / spec.articlesPerHour());
        Instant time = spec.start().plus(Duration.ofNanos(nanos)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        int at = java.util.Arrays.binarySearch(cumulative, random.nextDouble() * cumulative[cumulative.length - 1]);
        Source s = sources[Math.min(at < 0 ? -at - 1 : at, sources.length - 1)];
        SplittableRandom r = random.split();
        String lang = s.language().code();
        Newsroom.Plan<Long> plan = newsroom.plan(s.index(), s.country(), lang, time, r, true);
        Text.Story story;
        long copyOf = 0;
        String kind;
        switch (plan) {
            case Newsroom.Copy<Long> c -> {
                Newsroom.Original<Long> o = c.original();
                story = Reports.copy(o.story(), o.event(), o.reportNo(), s.name(), s.language(), r);
                copyOf = o.key();
                kind = o.event() == null ? "one-off" : o.event().kind().label();
            }
            case Newsroom.Report<Long> report -> {
                story = Reports.report(report.event(), report.reportNo(), s.language(), r);
                kind = report.event().kind().label();
            }
            case Newsroom.OneOff<Long> oneOff -> {
                story = Reports.report(oneOff.event(), 0, s.language(), r);
                kind = "one-off";
            }
        }
        if (copyOf == 0) {
            NewsEvent event = switch (plan) {
                case Newsroom.Report<Long> report -> report.event();
                case Newsroom.OneOff<Long> oneOff -> oneOff.event();
                case Newsroom.Copy<Long> ignored -> null;
            };
            int reportNo = plan instanceof Newsroom.Report<Long> report ? report.reportNo() : 0;
            newsroom.remember(lang, new Newsroom.Original<>(id, s.index(), story, event, reportNo, plan.eventId(),
                    Newsroom.copyWeight(Newsroom.agency(s.index()), plan)));
        }
        return new Article(id, time, lang, story.title(), String.join("\n\n", story.paragraphs()),
                List.of(story.place().country()), s.index() + 1L, plan.eventId(), copyOf, kind);
    }
}
