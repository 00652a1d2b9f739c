package org.worldwire.cluster;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.worldwire.dedup.CopyDetector;

/**
 * Online story clustering, one article at a time in arrival order. Not thread-safe: callers serialise {@link #add}.
 *
 * <p>Each article is first checked for being a copy of a recent report ({@link CopyDetector}); a copy joins its
 * original's story and changes nothing else. A report is compared with the live stories that share one of its
 * most telling terms (an inverted index over each story's top words, names and numbers), by a weighted mean of
 * three similarities, each weighted by IDF learned from the stream ({@link Settings}): the cosine of its words with
 * the story's reports in the article's language (IDF against that language's reports), and the information its
 * names and its numbers share with the story's ({@link Centroid#overlap}: the rarer a shared name and the more of
 * the story's reports have it, the more it counts); a report placed in none of the story's countries loses part of
 * its score.
 * Reports in a language the story has none of are compared by what languages share: the names stand in for the
 * words, so a Spanish and an English report of one event join through the names, numbers and places they share,
 * while two events of one kind (two earthquakes) stay apart through theirs. The score decays with the time since
 * the story's last report. The best story at or above {@link Settings#joinThreshold} is joined; otherwise the report
 * founds a story with its own id. When a report scores at or above {@link Settings#mergeThreshold} with two or more
 * stories, they are one event told twice: they merge into the oldest.
 *
 * <p>A story goes cold, and can be joined no more, {@link Settings#coldAfter} after its last report or
 * {@link Settings#maxAge} after its first: a topic that runs for weeks becomes a series of stories, and does not
 * swallow every new event of its kind. Cold stories leave the index and release their centroids, so live state is
 * bounded by the rate of news times the cold time, and by {@link Settings#maxLiveStories}; centroids are bounded
 * per story. Time per article is bounded: capped tokens per article, capped candidates per report.
 *
 * <p>A story's lead is the report closest to its centroid (the earliest among equals); copies never lead.
 */
public final class StoryClusterer {
    /**
     * @param joinThreshold the score from which a report joins a story
     * @param mergeThreshold the score with two stories from which they merge; above the join threshold
     * @param textWeight weight of the words cosine; names stand in for words across languages
     * @param entityWeight weight of the names cosine
     * @param numberWeight weight of the numbers cosine
     * @param countryWeight how much of its score a report placed in none of the story's countries loses
     * @param halfLife the score halves for each such time since the story's last report
     * @param coldAfter a story with no report for this long is cold
     * @param maxAge a story this old is cold, however recent its last report
     * @param maxLiveStories a hard cap on live stories: beyond it the least recently updated goes cold
     * @param copies settings of the copy detector
     */
    public record Settings(
            double joinThreshold,
            double mergeThreshold,
            double textWeight,
            double entityWeight,
            double numberWeight,
            double countryWeight,
            Duration halfLife,
            Duration coldAfter,
            Duration maxAge,
            int maxLiveStories,
            CopyDetector.Settings copies) {
        /**
         * Words weigh most (they carry what happened), names next (who and where, and the bridge between
         * languages), numbers least (a number alone is often a date). Countries only count against: reports placed
         * in different countries lose up to 30 % of their score. Join at 0.2, the cosine from which single-pass
         * TF-IDF clustering is known to work (and where this scoring peaked on a labelled English stream, among
         * 0.15 to 0.3); merge only at 2.5 times that. Reports of one event come within hours, so a story idle for
         * a day keeps half its pull and one idle for two days, a quarter, goes cold; a week is the most any story
         * stays open.
         */
        public static final Settings DEFAULTS = new Settings(0.2, 0.5, 0.6, 0.3, 0.1, 0.3,
                Duration.ofDays(1), Duration.ofDays(2), Duration.ofDays(7), 50_000, CopyDetector.Settings.DEFAULTS);

        public Settings {
            Objects.requireNonNull(halfLife, "halfLife");
            Objects.requireNonNull(coldAfter, "coldAfter");
            Objects.requireNonNull(maxAge, "maxAge");
            Objects.requireNonNull(copies, "copies");
            if (!(joinThreshold > 0 && joinThreshold <= 1)) throw new IllegalArgumentException("joinThreshold must be in (0, 1]");
            if (!(mergeThreshold >= joinThreshold)) throw new IllegalArgumentException("mergeThreshold must be at least joinThreshold");
            if (textWeight < 0 || entityWeight < 0 || numberWeight < 0 || countryWeight < 0
                    || textWeight + entityWeight + numberWeight + countryWeight <= 0) {
                throw new IllegalArgumentException("weights must be non-negative and not all 0");
            }
            if (halfLife.isNegative() || halfLife.isZero() || coldAfter.isNegative() || coldAfter.isZero()
                    || maxAge.isNegative() || maxAge.isZero()) {
                throw new IllegalArgumentException("halfLife, coldAfter and maxAge must be positive");
            }
            if (countryWeight > 1) throw new IllegalArgumentException("countryWeight must be at most 1");
            if (maxLiveStories < 1) throw new IllegalArgumentException("maxLiveStories must be positive");
        }

        /**
         * The same settings with other memory caps: live stories, and the originals the copy detector remembers and
         * the postings it holds for them.
         */
        public Settings withCaps(int maxLiveStories, int maxOriginals, long maxHeldPostings) {
            CopyDetector.Settings c = new CopyDetector.Settings(copies.window(), maxOriginals, copies.minContainment(),
                    copies.minCoverage(), copies.maxPostings(), maxHeldPostings);
            return new Settings(joinThreshold, mergeThreshold, textWeight, entityWeight, numberWeight, countryWeight,
                    halfLife, coldAfter, maxAge, maxLiveStories, c);
        }

        public Settings withJoinThreshold(double join, double merge) {
            return new Settings(join, merge, textWeight, entityWeight, numberWeight, countryWeight, halfLife, coldAfter,
                    maxAge, maxLiveStories, copies);
        }
    }

    // centroid sizes and index widths: enough terms to describe an event, few enough to keep time flat
    static final int TEXT_TERMS = 128, ENTITY_TERMS = 64, NUMBER_TERMS = 32, COUNTRY_TERMS = 16;
    private static final int INDEX_TEXT = 10, INDEX_ENTITIES = 10, INDEX_NUMBERS = 5;
    /** Stories listed per index term at most; beyond, the least recently updated is dropped from the list. */
    private static final int MAX_POSTINGS = 128;
    /** Stories scored fully per report at most: those sharing the most index terms with it. */
    private static final int MAX_CANDIDATES = 24;

    private final Settings settings;
    private final CopyDetector copies;
    private final Features.Extractor extractor = new Features.Extractor();
    private final Idf idf = new Idf();
    /** Live stories, least recently updated first. */
    private final LinkedHashMap<Long, Story> live = new LinkedHashMap<>();
    private final HashMap<Long, ArrayList<Story>> index = new HashMap<>();
    /** Recent originals' stories, so that a copy finds the story of the report it copies; bounded FIFO. */
    private final HashMap<Long, Story> originals = new HashMap<>();
    private final ArrayDeque<Long> originalsOrder = new ArrayDeque<>();
    private long latestMillis = Long.MIN_VALUE;
    private int stamp;

    public StoryClusterer() {
        this(Settings.DEFAULTS);
    }

    public StoryClusterer(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.copies = new CopyDetector(settings.copies());
    }

    /** Assigns an arriving article to a story and says whether it is a copy. */
    public StoryAssignment add(StoryArticle article) {
        Objects.requireNonNull(article, "article");
        long now = article.time().toEpochMilli();
        long copyOf = copies.check(article.id(), article.time(), article.title(), article.text());
        advance(now);
        if (copyOf != 0) {
            Story original = originals.get(copyOf);
            if (original != null) {
                Story s = original.survivor();
                s.articles++;
                s.touch(now);
                if (s.live) bump(s);
                return new StoryAssignment(article.id(), s.id, copyOf, List.of(), s.leadId);
            }
            // the original's story is forgotten: the copy stands alone, a copy all the same
        }
        Features f = extractor.extract(article.title(), article.text(), article.countries());
        String language = language(article.language());
        idf.add(f, language);
        Query q = new Query(f, language, idf);

        List<Story> candidates = candidates(q);
        Story best = null;
        double bestScore = 0;
        List<Story> strong = new ArrayList<>(2);
        for (Story s : candidates) {
            if (now - s.firstMillis > settings.maxAge().toMillis()) continue; // cold by age
            double score = score(q, s) * decay(now - s.lastMillis);
            if (score >= settings.mergeThreshold()) strong.add(s);
            if (score > bestScore || (score == bestScore && best != null && s.firstMillis < best.firstMillis)) {
                best = s;
                bestScore = score;
            }
        }
        List<Long> merged = List.of();
        Story story;
        if (best != null && bestScore >= settings.joinThreshold()) {
            story = best;
            if (strong.size() >= 2) {
                story = oldest(strong);
                merged = new ArrayList<>();
                for (Story s : strong) {
                    if (s != story) {
                        mergeInto(s, story);
                        merged.add(s.id);
                    }
                }
            }
        } else {
            story = new Story(article.id(), now);
            story.live = true;
            live.put(story.id, story);
        }
        addReport(story, article, f, q, now, copyOf);
        remember(article.id(), story);
        evictOverCap();
        return new StoryAssignment(article.id(), story.id, copyOf, merged, story.leadId);
    }

    /**
     * Rebuilds state at start from an article stored earlier with its assignment (oldest first), without deciding
     * anything anew.
     */
    public void restore(StoryArticle article, long storyId, long copyOf) {
        Objects.requireNonNull(article, "article");
        if (storyId <= 0) throw new IllegalArgumentException("storyId must be positive, was " + storyId);
        long now = article.time().toEpochMilli();
        copies.restore(article.id(), article.time(), article.title(), article.text(), copyOf);
        advance(now);
        Story story = live.get(storyId);
        if (story == null) {
            story = new Story(storyId, now);
            story.live = true;
            live.put(storyId, story);
        }
        if (copyOf != 0) {
            story.articles++;
            story.touch(now);
            bump(story);
        } else {
            Features f = extractor.extract(article.title(), article.text(), article.countries());
            String language = language(article.language());
            idf.add(f, language);
            addReport(story, article, f, new Query(f, language, idf), now, 0);
            remember(article.id(), story);
        }
        evictOverCap();
    }

    /** How many stories are live (joinable) now. */
    public int activeStories() {
        return live.size();
    }

    /** How many terms the candidate index holds: with {@link #activeStories()}, what live memory grows with. */
    public int indexedTerms() {
        return index.size();
    }

    /** How many original reports the copy detector remembers now. */
    public int rememberedOriginals() {
        return copies.remembered();
    }

    /** The bytes of the copy detector's arrays: with {@link #rememberedOriginals()}, what an original costs. */
    public long copyDetectorBytes() {
        return copies.retainedBytes();
    }

    // ---------------------------------------------------------------------------------------------------------

    private void addReport(Story s, StoryArticle article, Features f, Query q, long now, long copyOf) {
        String language = q.language;
        s.articles++;
        s.touch(now);
        bump(s);
        if (copyOf != 0) {
            if (s.leadId == 0) s.leadId = article.id(); // a lone copy whose original is forgotten
            return;
        }
        s.reports++;
        Centroid text = s.textForUpdate(language, TEXT_TERMS);
        if (text != null) text.add(f.text, idf.words(language));
        if (s.entities == null) {
            s.entities = new Centroid(ENTITY_TERMS);
            s.numbers = new Centroid(NUMBER_TERMS);
            s.countries = new Centroid(COUNTRY_TERMS);
        }
        s.entities.count(q.names, idf.all());
        s.numbers.count(f.numbers, idf.all());
        s.entities.refreshInfo(idf.all(), s.reports);
        s.numbers.refreshInfo(idf.all(), s.reports);
        s.countries.add(f.countries, idf.all());
        // the lead: whichever of the old lead and the new report is now closer to the centroid; the old one on a tie
        if (s.lead == null) {
            s.lead = f;
            s.leadId = article.id();
            s.leadLanguage = language;
        } else {
            double old = score(new Query(s.lead, Objects.requireNonNull(s.leadLanguage), idf), s);
            double candidate = score(q, s);
            if (candidate > old) {
                s.lead = f;
                s.leadId = article.id();
                s.leadLanguage = language;
            }
        }
        reindex(s);
    }

    private void mergeInto(Story from, Story into) {
        unindex(from);
        live.remove(from.id);
        for (int i = 0; i < from.languages.length; i++) {
            Centroid c = into.textForUpdate(from.languages[i], TEXT_TERMS);
            if (c != null) c.addAll(from.texts[i], idf.words(from.languages[i]));
        }
        if (from.entities != null) {
            if (into.entities == null) {
                into.entities = new Centroid(ENTITY_TERMS);
                into.numbers = new Centroid(NUMBER_TERMS);
                into.countries = new Centroid(COUNTRY_TERMS);
            }
            into.entities.addAll(from.entities, idf.all());
            Objects.requireNonNull(into.numbers).addAll(Objects.requireNonNull(from.numbers), idf.all());
            Objects.requireNonNull(into.countries).addAll(Objects.requireNonNull(from.countries), idf.all());
        }
        into.articles += from.articles;
        into.reports += from.reports;
        if (into.entities != null) {
            into.entities.refreshInfo(idf.all(), into.reports);
            Objects.requireNonNull(into.numbers).refreshInfo(idf.all(), into.reports);
        }
        into.touch(from.firstMillis);
        into.touch(from.lastMillis);
        if (from.lead != null && into.lead != null) {
            double mine = score(new Query(into.lead, Objects.requireNonNull(into.leadLanguage), idf), into);
            double theirs = score(new Query(from.lead, Objects.requireNonNull(from.leadLanguage), idf), into);
            if (theirs > mine) {
                into.lead = from.lead;
                into.leadId = from.leadId;
                into.leadLanguage = from.leadLanguage;
            }
        }
        from.release();
        from.mergedInto = into;
        reindex(into);
    }

    private static Story oldest(List<Story> stories) {
        Story o = stories.get(0);
        for (Story s : stories) {
            if (s.firstMillis < o.firstMillis || (s.firstMillis == o.firstMillis && s.id < o.id)) o = s;
        }
        return o;
    }

    /**
     * The weighted mean of the group cosines. Words count against the story's reports in the article's language;
     * when it has none, names take the words' place. Groups the article has nothing in are left out of the mean
     * (a report without numbers says nothing against a story with them), but either words or names must be there:
     * countries and numbers alone do not make an event.
     */
    private double score(Query q, Story s) {
        if (s.entities == null) return 0;
        double num = 0, den = 0;
        boolean anchored = false;
        double floor = Math.log(idf.docs() + 1.0);
        double names = q.entities.empty() ? 0
                : s.entities.overlap(q.entities.terms, q.entities.info, q.entities.infoSum, s.reports, floor);
        if (!q.text.empty()) {
            Centroid c = s.text(q.language);
            if (c != null && !c.isEmpty()) {
                num += settings.textWeight() * c.cosine(q.text.terms, q.text.q, q.text.norm);
                den += settings.textWeight();
                anchored = true;
            }
        }
        if (!q.entities.empty()) {
            if (!anchored) {
                num += settings.textWeight() * names;
                den += settings.textWeight();
            }
            num += settings.entityWeight() * names;
            den += settings.entityWeight();
            anchored = true;
        }
        if (!anchored) return 0;
        if (!q.numbers.empty()) {
            num += settings.numberWeight() * Objects.requireNonNull(s.numbers)
                    .overlap(q.numbers.terms, q.numbers.info, q.numbers.infoSum, s.reports, floor);
            den += settings.numberWeight();
        }
        double score = den == 0 ? 0 : num / den;
        Centroid places = Objects.requireNonNull(s.countries);
        if (!q.countries.empty() && !places.isEmpty()) {
            // Countries speak against more than for: most events of a day happen in a few countries, so sharing one
            // says little, while reports placed in different countries are rarely of one event.
            double shared = Math.min(1, places.cosine(q.countries.terms, q.countries.q, q.countries.norm));
            score *= 1 - settings.countryWeight() * (1 - shared);
        }
        return score;
    }

    private double decay(long gapMillis) {
        if (gapMillis <= 0) return 1;
        return Math.pow(0.5, (double) gapMillis / settings.halfLife().toMillis());
    }

    // --- candidate retrieval --------------------------------------------------------------------------------

    private final long[] queryTerms = new long[INDEX_TEXT + INDEX_ENTITIES + INDEX_NUMBERS];

    private List<Story> candidates(Query q) {
        int n = 0;
        n = q.text.top(INDEX_TEXT, queryTerms, n);
        n = q.entities.top(INDEX_ENTITIES, queryTerms, n);
        n = q.numbers.top(INDEX_NUMBERS, queryTerms, n);
        int mark = ++stamp;
        ArrayList<Story> found = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ArrayList<Story> list = index.get(queryTerms[i]);
            if (list == null) continue;
            for (Story s : list) {
                if (s.stamp != mark) {
                    s.stamp = mark;
                    s.hits = 0;
                    found.add(s);
                }
                s.hits++;
            }
        }
        if (found.size() > MAX_CANDIDATES) {
            found.sort((a, b) -> a.hits != b.hits ? Integer.compare(b.hits, a.hits) : Long.compare(b.lastMillis, a.lastMillis));
            return found.subList(0, MAX_CANDIDATES);
        }
        return found;
    }

    private final long[] storyTerms = new long[INDEX_TEXT * Story.MAX_LANGUAGES + INDEX_ENTITIES + INDEX_NUMBERS];

    private void reindex(Story s) {
        int n = 0;
        int perLanguage = Math.max(3, INDEX_TEXT / Math.max(1, s.texts.length));
        for (int i = 0; i < s.texts.length; i++) n = s.texts[i].top(perLanguage, idf.words(s.languages[i]), storyTerms, n);
        if (s.entities != null) n = s.entities.top(INDEX_ENTITIES, idf.all(), storyTerms, n);
        if (s.numbers != null) n = s.numbers.top(INDEX_NUMBERS, idf.all(), storyTerms, n);
        long[] next = Arrays.copyOf(storyTerms, n);
        Arrays.sort(next);
        long[] old = s.indexed;
        // old and next are sorted: walk both, drop what left, add what came
        int i = 0, j = 0;
        while (i < old.length || j < next.length) {
            if (j == next.length || (i < old.length && old[i] < next[j])) {
                unpost(old[i++], s);
            } else if (i == old.length || next[j] < old[i]) {
                post(next[j++], s);
            } else {
                i++;
                j++;
            }
        }
        s.indexed = next;
    }

    private void unindex(Story s) {
        for (long t : s.indexed) unpost(t, s);
        s.indexed = Story.NOT_INDEXED;
    }

    private void post(long term, Story s) {
        ArrayList<Story> list = index.computeIfAbsent(term, k -> new ArrayList<>(4));
        if (list.size() >= MAX_POSTINGS) {
            int stale = 0;
            for (int k = 1; k < list.size(); k++) if (list.get(k).lastMillis < list.get(stale).lastMillis) stale = k;
            list.remove(stale);
        }
        list.add(s);
    }

    private void unpost(long term, Story s) {
        ArrayList<Story> list = index.get(term);
        if (list == null) return;
        list.remove(s);
        if (list.isEmpty()) index.remove(term);
    }

    // --- time, eviction, memory -----------------------------------------------------------------------------

    /** Moves a story to the most recently updated end. */
    private void bump(Story s) {
        live.remove(s.id);
        live.put(s.id, s);
    }

    private void advance(long now) {
        if (now > latestMillis) latestMillis = now;
        long cold = latestMillis - settings.coldAfter().toMillis();
        Iterator<Story> it = live.values().iterator();
        while (it.hasNext()) {
            Story s = it.next();
            if (s.lastMillis >= cold) break;
            it.remove();
            unindex(s);
            s.release();
        }
    }

    private void evictOverCap() {
        Iterator<Story> it = live.values().iterator();
        while (live.size() > settings.maxLiveStories() && it.hasNext()) {
            Story s = it.next();
            it.remove();
            unindex(s);
            s.release();
        }
    }

    private void remember(long articleId, Story s) {
        originals.put(articleId, s);
        originalsOrder.addLast(articleId);
        while (originalsOrder.size() > settings.copies().maxArticles()) originals.remove(originalsOrder.removeFirst());
    }

    private static String language(@Nullable String tag) {
        if (tag == null || tag.isBlank()) return "";
        int dash = tag.indexOf('-');
        return (dash > 0 ? tag.substring(0, dash) : tag).toLowerCase(Locale.ROOT);
    }

    /** An article's vectors with IDF applied once: {@code q = tf * idf^2}, {@code norm = ||tf * idf||}. */
    private static final class Query {
        final Group text, entities, numbers, countries;
        final String language;
        /** The names: those found by capitals, and candidates rare in the language. */
        final Features.Vector names;

        Query(Features f, String language, Idf idf) {
            this.language = language;
            Idf.Scale words = idf.words(language);
            text = new Group(f.text, words);
            names = f.names(words::rare);
            entities = new Group(names, idf.all());
            numbers = new Group(f.numbers, idf.all());
            countries = new Group(f.countries, idf.all());
        }
    }

    private static final class Group {
        final long[] terms;
        final float[] q;
        final double norm;
        /** Each term's IDF, and their sum: the information the article's terms carry. */
        final float[] info;
        final double infoSum;

        Group(Features.Vector v, Idf.Scale idf) {
            terms = v.terms();
            q = new float[terms.length];
            info = new float[terms.length];
            double sq = 0, sum = 0;
            float[] w = v.weights();
            for (int i = 0; i < terms.length; i++) {
                float x = idf.of(terms[i]);
                info[i] = x;
                sum += x;
                double tfidf = w[i] * x;
                sq += tfidf * tfidf;
                q[i] = w[i] * x * x;
            }
            norm = Math.sqrt(sq);
            infoSum = sum;
        }

        boolean empty() {
            return terms.length == 0 || norm == 0;
        }

        /** Appends the {@code n} terms of highest TF-IDF. */
        int top(int n, long[] out, int at) {
            if (terms.length == 0) return at;
            int m = Math.min(n, terms.length);
            // q / idf = tf * idf; partial selection over a few hundred terms
            int[] best = new int[m];
            double[] bestScore = new double[m];
            int size = 0;
            for (int i = 0; i < terms.length; i++) {
                double sc = q[i]; // tf * idf^2 ranks like tf * idf for picking the rarest frequent terms
                if (sc <= 0) continue;
                if (size < m) {
                    best[size] = i;
                    bestScore[size++] = sc;
                } else {
                    int min = 0;
                    for (int k = 1; k < m; k++) if (bestScore[k] < bestScore[min]) min = k;
                    if (sc > bestScore[min]) {
                        best[min] = i;
                        bestScore[min] = sc;
                    }
                }
            }
            for (int k = 0; k < size; k++) out[at++] = terms[best[k]];
            return at;
        }
    }
}
