package org.worldwire.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.worldwire.dedup.UrlCanonicalizer;
import org.worldwire.feed.FeedContext;
import org.worldwire.feed.FeedParser;
import org.worldwire.fetch.FetchFailure;
import org.worldwire.fetch.FetchRequest;
import org.worldwire.fetch.FetchResult;
import org.worldwire.fetch.Fetcher;
import org.worldwire.model.FeedEntry;
import org.worldwire.model.ParsedFeed;
import org.worldwire.model.Source;
import org.worldwire.schedule.PollOutcome;
import org.worldwire.store.FeedValidators;
import org.worldwire.store.IngestQueue;
import org.worldwire.store.NewEntry;
import org.worldwire.store.PendingEntry;
import org.worldwire.store.PollRecord;
import org.worldwire.store.SourceStore;

/**
 * One poll of one source, top to bottom: conditional GET, parse, find the entries not seen before, record
 * them with the poll in one transaction, hand them to the article pipeline. Also takes feed bodies that
 * arrive by push (WebSub) through {@link #ingestFeed}.
 */
public final class RefreshSource implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RefreshSource.class);
    private static final java.time.Duration CLOSE_WAIT = java.time.Duration.ofSeconds(1);

    private final Fetcher fetcher;
    private final SourceStore sources;
    private final IngestQueue queue;
    private final WorkQueue work;
    private final MeterRegistry metrics;
    private final InstantSource clock;
    /** Store work of polls and pushes holds the read side; {@link #close} takes the write side once to wait it out. */
    private final java.util.concurrent.locks.ReentrantReadWriteLock recording =
            new java.util.concurrent.locks.ReentrantReadWriteLock();
    private volatile boolean closed;
    /**
     * Per source, fingerprints of the entries its last document held: a feed repeats most of its entries from
     * one poll to the next, and only the ones not in the previous document need the store's dedup check.
     */
    private final java.util.concurrent.ConcurrentHashMap<Long, java.util.Set<Long>> lastDocument =
            new java.util.concurrent.ConcurrentHashMap<>();
    /** Per source whose feed fails, the reason it last failed with: warnings are logged when it changes. */
    private final java.util.concurrent.ConcurrentHashMap<Long, String> failingWith =
            new java.util.concurrent.ConcurrentHashMap<>();

    public RefreshSource(Fetcher fetcher, SourceStore sources, IngestQueue queue, WorkQueue work,
            MeterRegistry metrics, InstantSource clock) {
        this.fetcher = fetcher;
        this.sources = sources;
        this.queue = queue;
        this.work = work;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** What a poll found, for the scheduler and for whoever asked (the CLI, tests, the WebSub fallback). */
    /** @param linkHeader the feed response's HTTP Link header (WebSub hub discovery), when there was one */
    public record Result(PollOutcome outcome, int newEntries, @Nullable ParsedFeed feed, @Nullable String linkHeader) {
        Result withLinkHeader(@Nullable String header) {
            return new Result(outcome, newEntries, feed, header);
        }
    }

    /**
     * What {@link #refresh} and {@link #ingestFeed} return after {@link #close}: nothing was recorded, and the next
     * start polls the source again.
     */
    public static final Result STOPPED = new Result(new PollOutcome.Failed(null), 0, null, null);

    /** A recorded poll and the entries it found, to hand to the pipeline once the store work is done. */
    private record Recorded(Result result, List<PendingEntry> fresh) {
        static Recorded of(Result result) {
            return new Recorded(result, List.of());
        }
    }

    /**
     * Polls the source: fetches its feed and records what it found.
     *
     * @return {@link #STOPPED} when closed meanwhile (a fetch may outlive the server: its result is dropped)
     */
    public Result refresh(Source source) throws InterruptedException {
        FeedValidators v;
        if (!beginRecording()) return STOPPED;
        try {
            v = sources.validators(source.id());
        } finally {
            endRecording();
        }
        FetchResult fetched = fetcher.fetch(FetchRequest.feed(source.feedUrl(), v.etag(), v.lastModified()));
        Instant now = clock.instant();
        ParsedFeed feed = fetched instanceof FetchResult.Fetched f
                ? FeedParser.parse(f.body(), new FeedContext(f.finalUrl(), f.contentType(), f.contentLocation()))
                : null;
        Recorded recorded;
        if (!beginRecording()) return STOPPED;
        try {
            recorded = record(source, fetched, feed, now);
        } finally {
            endRecording();
        }
        return handOver(recorded);
    }

    private Recorded record(Source source, FetchResult fetched, @Nullable ParsedFeed parsed, Instant now) {
        return switch (fetched) {
            case FetchResult.NotModified n -> {
                sources.recordPoll(source.id(), new PollRecord(now, 304, 0, null, null, null));
                count("not_modified");
                recovered(source);
                yield Recorded.of(new Result(new PollOutcome.NotModified(), 0, null, null));
            }
            case FetchResult.Failed f -> {
                sources.recordPoll(source.id(), new PollRecord(now, f.status(), 0, f.reason().key(), f.message(), null));
                count(f.reason().key());
                metrics.counter("worldwire.fetch.errors", "stage", "feed", "kind", f.reason().key()).increment();
                if (hostUnreachable(f.reason()) && sameHost(f.finalUrl(), source.feedUrl())) {
                    // Whoever schedules the polls logs the host's outage once, for all its sources.
                    log.debug("feed host unreachable source_id={} url={} reason={} message={}", source.id(),
                            source.feedUrl(), f.reason().key(), f.message());
                    yield Recorded.of(new Result(new PollOutcome.Unreachable(f.reason().key() + ": " + f.message()), 0, null, null));
                }
                failing(source, f.reason().key(), "feed fetch failed source_id={} url={} reason={} status={} message={}",
                        source.id(), source.feedUrl(), f.reason().key(), f.status(), f.message());
                yield Recorded.of(new Result(new PollOutcome.Failed(f.retryAfter()), 0, null, null));
            }
            case FetchResult.Fetched f -> {
                Recorded r = recordFeed(source, java.util.Objects.requireNonNull(parsed), f.status(),
                        new FeedValidators(f.etag(), f.lastModified()), now);
                yield new Recorded(r.result().withLinkHeader(f.linkHeader()), r.fresh());
            }
        };
    }

    /**
     * Records what a feed document holds: the poll (or push), and every entry not seen before, then hands the new
     * entries to the article pipeline.
     *
     * @return {@link #STOPPED} when closed: nothing recorded
     */
    public Result ingestFeed(Source source, ParsedFeed feed, @Nullable Integer status,
            @Nullable FeedValidators validators, Instant now) throws InterruptedException {
        Recorded recorded;
        if (!beginRecording()) return STOPPED;
        try {
            recorded = recordFeed(source, feed, status, validators, now);
        } finally {
            endRecording();
        }
        return handOver(recorded);
    }

    /**
     * The entries are durable (pending in the store) before the work queue hears of them, and outside the recording
     * gate: waiting for room in the queue must not hold up {@link #close}. When the queue is closed the entries stay
     * pending and the next start resumes them.
     */
    private Result handOver(Recorded recorded) throws InterruptedException {
        for (PendingEntry p : recorded.fresh()) work.submit(p);
        return recorded.result();
    }

    private Recorded recordFeed(Source source, ParsedFeed feed, @Nullable Integer status,
            @Nullable FeedValidators validators, Instant now) {
        if (feed.entries().isEmpty() && !feed.wellFormed()) {
            // Keep the old validators: the next poll must fetch the document again, not get a 304.
            String message = feed.problems().get(0);
            sources.recordPoll(source.id(), new PollRecord(now, status, 0, "malformed_feed", message, null));
            count("malformed_feed");
            metrics.counter("worldwire.fetch.errors", "stage", "feed", "kind", "malformed_feed").increment();
            failing(source, "malformed_feed", "feed unreadable source_id={} url={} problem={}", source.id(),
                    source.feedUrl(), message);
            return Recorded.of(new Result(new PollOutcome.Failed(null), 0, feed, null));
        }
        List<NewEntry> candidates = candidates(source, feed);
        java.util.Set<Long> previous = lastDocument.getOrDefault(source.id(), java.util.Set.of());
        java.util.Set<Long> current = new java.util.HashSet<>();
        List<NewEntry> unseen = new ArrayList<>();
        for (NewEntry e : candidates) {
            long key = fingerprint(e);
            current.add(key);
            if (!previous.contains(key)) unseen.add(e);
        }
        // A damaged document still yields what could be recovered, and the damage shows on the source's health;
        // its validators are not kept, so the next poll reads the document again.
        PollRecord poll = feed.wellFormed()
                ? new PollRecord(now, status, unseen.size(), null, null, validators)
                : new PollRecord(now, status, unseen.size(), "malformed_feed", feed.problems().get(0), null);
        if (!feed.wellFormed()) {
            metrics.counter("worldwire.fetch.errors", "stage", "feed", "kind", "malformed_feed").increment();
        }
        List<PendingEntry> fresh = queue.enqueue(source.id(), unseen, now, poll);
        lastDocument.put(source.id(), current);
        if (feed.wellFormed()) recovered(source);
        count("fetched");
        List<Instant> times = new ArrayList<>(fresh.size());
        for (PendingEntry p : fresh) {
            Instant published = p.entry().published();
            times.add(published != null && !published.isAfter(now) ? published : now);
        }
        return new Recorded(new Result(new PollOutcome.Fetched(times), fresh.size(), feed, null), fresh);
    }

    private boolean beginRecording() {
        if (closed || !recording.readLock().tryLock()) return false;
        if (closed) {
            recording.readLock().unlock();
            return false;
        }
        return true;
    }

    private void endRecording() {
        recording.readLock().unlock();
    }

    /**
     * Stops recording: polls and pushes under way finish their store work (quick: no network inside), and any that
     * complete later, such as a fetch that outlives the server, are dropped. Never interrupts anyone, so no store
     * write is cut short. Call before the store closes.
     */
    @Override
    public void close() {
        closed = true;
        try {
            if (recording.writeLock().tryLock(CLOSE_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                recording.writeLock().unlock();
            } else {
                log.error("polls still recording after close wait_ms={}", CLOSE_WAIT.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Failures that say nothing about the feed, only that its host did not answer (or may not be contacted): the
     * whole host backs off and is logged once per outage instead of once per source and attempt.
     */
    static boolean hostUnreachable(FetchFailure reason) {
        return switch (reason) {
            case DNS, CONNECTION, TIMEOUT, BLOCKED_ADDRESS -> true;
            case BAD_URL, TOO_LARGE, TOO_MANY_REDIRECTS, REDIRECT_LOOP, RATE_LIMITED, HTTP_ERROR, DECODING,
                    ROBOTS_DISALLOWED -> false;
        };
    }

    /** Whether a failure happened at the feed's own host, not at a host it redirected to. */
    private static boolean sameHost(String failedUrl, String feedUrl) {
        try {
            String a = URI.create(failedUrl).getAuthority();
            return a != null && a.equalsIgnoreCase(URI.create(feedUrl).getAuthority());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A feed failing the same way poll after poll is one warning, not one per poll; its health shows the rest. */
    private void failing(Source source, String reason, String message, Object... args) {
        String before = failingWith.put(source.id(), reason);
        if (reason.equals(before)) log.debug(message, args);
        else log.warn(message, args);
    }

    private void recovered(Source source) {
        String before = failingWith.remove(source.id());
        if (before != null) log.info("feed readable again source_id={} url={} was={}", source.id(), source.feedUrl(), before);
    }

    private static List<NewEntry> candidates(Source source, ParsedFeed feed) {
        Set<String> seen = new LinkedHashSet<>();
        List<NewEntry> out = new ArrayList<>();
        String base = feed.link() != null ? feed.link() : source.feedUrl();
        for (FeedEntry e : feed.entries()) {
            String link = e.link() != null ? e.link() : looksLikeUrl(e.id()) ? e.id() : null;
            if (link == null) continue;
            String url;
            try {
                url = UrlCanonicalizer.canonicalize(link, base);
            } catch (IllegalArgumentException notHttp) {
                continue; // javascript:, file:, mailto: and junk never become articles
            }
            if (!seen.add(url)) continue;
            String guid = e.id() != null && !e.id().isBlank() ? e.id().strip() : url;
            out.add(new NewEntry(url, guid, e));
        }
        return out;
    }

    private static long fingerprint(NewEntry e) {
        return e.url().hashCode() * 0x9E3779B97F4A7C15L + e.guid().hashCode();
    }

    private static boolean looksLikeUrl(@Nullable String s) {
        return s != null && (s.startsWith("http://") || s.startsWith("https://"));
    }

    private void count(String outcome) {
        metrics.counter("worldwire.polls", "outcome", outcome).increment();
    }
}
