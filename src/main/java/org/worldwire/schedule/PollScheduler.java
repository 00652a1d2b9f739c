package org.worldwire.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * Decides which sources are due. Pure: callers pass the time. Not thread-safe: one poller owns it.
 *
 * <p>The {@link PollPolicy} (by default {@link AdaptivePolicy}) says when each source is worth polling; this class
 * keeps the promises to publishers and to the operator around it: at most {@link ScheduleConfig#requestsPerMinute}
 * requests (a token bucket), at most one request in flight per host and {@link ScheduleConfig#hostSpacing} between two
 * requests to one host, {@code Retry-After} honoured for the whole host, and exponential back-off on failures: of the
 * source when the host answered but the poll failed, of the whole host ({@link HostBackoff}) when the host did not
 * answer at all, so that a dead host costs one attempt per back-off period however many sources live on it.
 */
public final class PollScheduler {
    private static final long NONE = Long.MIN_VALUE;
    private static final long REPLAN_EVERY_MS = Duration.ofMinutes(15).toMillis();
    private static final long REPLAN_ON_CHANGE_MS = Duration.ofSeconds(10).toMillis();
    /** Longest Retry-After we obey literally; beyond it a publisher is misbehaving and we retry at this horizon. */
    private static final long MAX_RETRY_AFTER_MS = Duration.ofDays(7).toMillis();

    private static final class Source {
        final long id;
        final Host host;
        long lastPoll = NONE;
        long due;
        int failures;
        int version;
        boolean inFlight;
        boolean parked;
        boolean backingOff;
        boolean push;

        Source(long id, Host host) {
            this.id = id;
            this.host = host;
        }
    }

    private static final class Host {
        final String name;
        boolean inFlight;
        long freeAt = NONE;
        final LinkedHashSet<Long> members = new LinkedHashSet<>();
        final ArrayDeque<Source> parked = new ArrayDeque<>();
        /** Consecutive attempts the host did not answer; 0 while it is up. */
        int failures;
        long downSince = NONE;

        Host(String name) {
            this.name = name;
        }
    }

    private record Slot(long due, Source source, int version) {}

    private final ScheduleConfig config;
    private final PollPolicy policy;
    private final HostBackoff hostBackoff;
    private final SplittableRandom jitter;
    private final PriorityQueue<Slot> queue = new PriorityQueue<>((a, b) -> Long.compare(a.due, b.due));
    private final Map<Long, Source> sources = new HashMap<>();
    private final Map<String, Host> hosts = new HashMap<>();
    /** Removed while a request was in flight: its host is released when the request completes. */
    private final Map<Long, Host> leftInFlight = new HashMap<>();
    private final double tokensPerMs;
    private final double tokenCapacity;
    private double tokens;
    private long tokensAt = NONE;
    private long lastReplan = NONE;
    private int sizeAtReplan = -1;

    /** The adaptive scheduler Worldwire runs. */
    public PollScheduler(ScheduleConfig config) {
        this(config, new AdaptivePolicy(config));
    }

    /** The same budget and politeness around another policy (benchmarks compare policies this way). */
    public PollScheduler(ScheduleConfig config, PollPolicy policy) {
        this(config, policy, HostBackoff.of(config), 0x5EED);
    }

    /**
     * @param hostBackoff how long a host that does not answer is left alone
     * @param seed of the jitter draws, so that a run can be repeated
     */
    public PollScheduler(ScheduleConfig config, PollPolicy policy, HostBackoff hostBackoff, long seed) {
        this.config = config;
        this.policy = policy;
        this.hostBackoff = hostBackoff;
        this.jitter = new SplittableRandom(seed);
        this.tokensPerMs = config.requestsPerMinute() / 60_000.0;
        // Ten seconds of budget may be spent at once: enough to absorb clustered due times, too little to hammer.
        this.tokenCapacity = Math.max(1.0, tokensPerMs * 10_000);
        this.tokens = tokenCapacity;
    }

    public void add(long sourceId, String host, Instant now) {
        if (sources.containsKey(sourceId)) return;
        Host h = hosts.computeIfAbsent(host, Host::new);
        h.members.add(sourceId);
        Source s = new Source(sourceId, h);
        sources.put(sourceId, s);
        schedule(s, policy.firstPoll(sourceId, now.toEpochMilli()));
    }

    public void remove(long sourceId) {
        Source s = sources.remove(sourceId);
        if (s == null) return;
        s.version++;
        policy.removed(sourceId);
        s.host.parked.remove(s);
        s.host.members.remove(sourceId);
        if (s.inFlight) leftInFlight.put(sourceId, s.host);
        else releaseHostIfUnused(s.host);
    }

    private void releaseHostIfUnused(Host h) {
        if (h.members.isEmpty() && !h.inFlight) hosts.remove(h.name, h);
    }

    public int size() {
        return sources.size();
    }

    /** Up to {@code max} sources to poll now; each is in flight until {@link #completed}. */
    public List<Long> due(Instant now, int max) {
        long t = now.toEpochMilli();
        maybeReplan(t);
        refill(t);
        List<Long> out = new ArrayList<>();
        while (out.size() < max && tokens >= 1 && !queue.isEmpty() && queue.peek().due <= t) {
            Slot slot = queue.poll();
            Source s = slot.source;
            if (slot.version != s.version || !sources.containsKey(s.id)) continue;
            Host h = s.host;
            if (h.inFlight) {
                s.parked = true;
                h.parked.add(s);
                continue;
            }
            if (h.freeAt > t) {
                schedule(s, h.freeAt);
                continue;
            }
            h.inFlight = true;
            s.inFlight = true;
            s.version++;
            tokens -= 1;
            out.add(s.id);
        }
        return out;
    }

    /**
     * Takes the outcome of a poll {@link #due} handed out: plans the source's next poll and, when the outcome says
     * something about the host, the host's.
     *
     * @return the host's state when it is down or just came back; empty for an ordinary poll of a host that answers
     */
    public Optional<HostState> completed(long sourceId, PollOutcome outcome, Instant now) {
        long t = now.toEpochMilli();
        Host gone = leftInFlight.remove(sourceId);
        if (gone != null) {
            Optional<HostState> state = finishHost(gone, t, outcome);
            releaseHostIfUnused(gone);
            return state;
        }
        Source s = sources.get(sourceId);
        if (s == null || !s.inFlight) return Optional.empty();
        s.inFlight = false;
        Optional<HostState> state = finishHost(s.host, t, outcome);
        long next = switch (outcome) {
            case PollOutcome.Fetched f -> succeeded(s, t, f.newEntryTimes());
            case PollOutcome.NotModified n -> succeeded(s, t, List.of());
            case PollOutcome.Failed f -> {
                s.failures++;
                s.backingOff = true;
                long backoff = config.minInterval().toMillis() * (1L << Math.min(s.failures, 20));
                backoff = Math.min(backoff, config.maxInterval().toMillis());
                if (f.retryAfter() != null) backoff = Math.max(backoff, retryAfterMs(f.retryAfter()));
                yield t + Math.max(backoff, 1);
            }
            case PollOutcome.Unreachable u -> {
                // The host's back-off decides; the source's own failure count is about the source, not its host.
                s.backingOff = true;
                yield s.host.freeAt;
            }
        };
        schedule(s, next);
        return state;
    }

    private long succeeded(Source s, long t, List<Instant> newEntryTimes) {
        s.failures = 0;
        s.backingOff = false;
        policy.observed(s.id, t, newEntryTimes);
        s.lastPoll = t;
        return planned(s, t);
    }

    private long planned(Source s, long t) {
        return s.push ? policy.quietDeadline(s.id, s.lastPoll, config.maxInterval().toMillis()) : policy.nextPoll(s.id, s.lastPoll, t);
    }

    /**
     * The source's WebSub subscription became active (or lapsed: {@code active} false). While push is on, the source
     * is polled only when its silence grows suspicious ({@link PollPolicy#quietDeadline}); when push lapses, adaptive
     * polling resumes at once.
     */
    public void pushActive(long sourceId, boolean active, Instant now) {
        Source s = sources.get(sourceId);
        if (s == null || s.push == active) return;
        s.push = active;
        if (s.inFlight || s.parked || s.backingOff) return;
        long t = now.toEpochMilli();
        if (s.lastPoll == NONE) s.lastPoll = t;
        schedule(s, active ? planned(s, t) : Math.min(s.due, policy.nextPoll(s.id, s.lastPoll, t)));
    }

    /** Content for the source arrived by push: learn from it and move the safety-net poll back. */
    public void pushed(long sourceId, List<Instant> newEntryTimes, Instant now) {
        Source s = sources.get(sourceId);
        if (s == null) return;
        long t = now.toEpochMilli();
        policy.observed(s.id, t, newEntryTimes);
        s.lastPoll = t;
        if (!s.inFlight && !s.parked && !s.backingOff) schedule(s, planned(s, t));
    }

    private Optional<HostState> finishHost(Host h, long t, PollOutcome outcome) {
        h.inFlight = false;
        long free = t + config.hostSpacing().toMillis();
        if (outcome instanceof PollOutcome.Failed f && f.retryAfter() != null) {
            free = Math.max(free, t + retryAfterMs(f.retryAfter()));
        }
        Optional<HostState> state = Optional.empty();
        if (outcome instanceof PollOutcome.Unreachable u) {
            boolean wentDown = h.failures == 0;
            if (wentDown) h.downSince = t;
            h.failures++;
            free = Math.max(free, t + hostBackoff.delay(h.failures, jitter.nextDouble()).toMillis());
            state = Optional.of(new HostState.Down(h.name, List.copyOf(h.members), u.reason(),
                    Instant.ofEpochMilli(h.downSince), h.failures, Instant.ofEpochMilli(free), wentDown));
        } else if (h.failures > 0) {
            // Any answer, even an HTTP error, shows the host is reachable again.
            state = Optional.of(new HostState.Up(h.name, List.copyOf(h.members), Instant.ofEpochMilli(h.downSince),
                    h.failures));
            h.failures = 0;
            h.downSince = NONE;
        }
        h.freeAt = Math.max(h.freeAt, free);
        // Sources that fell due while the host was busy line up again for the moment it is free.
        while (!h.parked.isEmpty()) {
            Source p = h.parked.poll();
            p.parked = false;
            if (sources.containsKey(p.id)) schedule(p, h.freeAt);
        }
        return state;
    }

    private static long retryAfterMs(Duration retryAfter) {
        return Math.clamp(retryAfter.toMillis(), 0, MAX_RETRY_AFTER_MS);
    }

    private void schedule(Source s, long due) {
        s.version++;
        s.due = due;
        queue.add(new Slot(due, s, s.version));
    }

    private void refill(long t) {
        if (tokensAt == NONE) tokensAt = t;
        if (t > tokensAt) {
            tokens = Math.min(tokenCapacity, tokens + (t - tokensAt) * tokensPerMs);
            tokensAt = t;
        }
    }

    private void maybeReplan(long t) {
        boolean periodic = lastReplan == NONE || t >= lastReplan + REPLAN_EVERY_MS;
        boolean changed = sources.size() != sizeAtReplan && t >= lastReplan + REPLAN_ON_CHANGE_MS;
        if (!periodic && !changed) return;
        lastReplan = t;
        sizeAtReplan = sources.size();
        if (!policy.replan(t, tokensPerMs * 1000)) return;
        // The plan moved: due times computed under the old plan are recomputed from each source's last poll.
        for (Source s : sources.values()) {
            if (s.inFlight || s.parked || s.backingOff || s.lastPoll == NONE) continue;
            long next = planned(s, t);
            if (next != s.due) schedule(s, next);
        }
        if (queue.size() > 4 * sources.size() + 64) compact();
    }

    private void compact() {
        List<Slot> live = new ArrayList<>(sources.size());
        for (Slot slot : queue) if (slot.version == slot.source.version && sources.containsKey(slot.source.id)) live.add(slot);
        queue.clear();
        queue.addAll(live);
    }

    /** When the earliest source falls due (and the budget allows a request), if any. */
    public Optional<Instant> nextDue() {
        while (!queue.isEmpty()) {
            Slot head = queue.peek();
            if (head.version == head.source.version && sources.containsKey(head.source.id)) break;
            queue.poll();
        }
        if (queue.isEmpty()) return Optional.empty();
        long due = queue.peek().due;
        if (tokensAt != NONE && tokens < 1) due = Math.max(due, tokensAt + (long) Math.ceil((1 - tokens) / tokensPerMs));
        return Optional.of(Instant.ofEpochMilli(due));
    }

    /** The policy this scheduler follows (for inspection and benchmarks). */
    public PollPolicy policy() {
        return policy;
    }
}
