package org.worldwire.websub;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Every subscription we hold, by id. Thread-safe: the callback route and the renewal loop both touch it. Pure: times
 * are parameters; callers persist it if they want subscriptions to outlive a restart.
 */
public final class Subscriptions {
    /** Ten days: what common hubs grant by default; they may answer with less. */
    public static final long DEFAULT_LEASE_SECONDS = 10L * 24 * 3600;
    private static final long PENDING_TIMEOUT_SECONDS = 300;

    private final ConcurrentHashMap<String, Subscription> byId = new ConcurrentHashMap<>();

    /** Records our intent to subscribe; the hub's verification activates it. */
    public Subscription request(String id, long sourceId, URI hub, URI topic, String secret, Instant now) {
        Subscription s = new Subscription(id, sourceId, hub, topic, secret, Subscription.State.PENDING_SUBSCRIBE,
                DEFAULT_LEASE_SECONDS, now, null, null);
        byId.put(id, s);
        return s;
    }

    public Optional<Subscription> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Records our intent to unsubscribe. */
    public Optional<Subscription> requestUnsubscribe(String id, Instant now) {
        return Optional.ofNullable(byId.computeIfPresent(id,
                (k, s) -> s.with(Subscription.State.PENDING_UNSUBSCRIBE, now, null)));
    }

    Optional<Subscription> update(String id, java.util.function.UnaryOperator<Subscription> change) {
        return Optional.ofNullable(byId.computeIfPresent(id, (k, s) -> change.apply(s)));
    }

    /** Subscriptions to renew now: active ones past their renewal time, and expired ones (to resubscribe). */
    public List<Subscription> toRenew(Instant now) {
        List<Subscription> out = new ArrayList<>();
        for (Subscription s : byId.values()) {
            Instant at = s.renewAt();
            boolean lapsed = s.state() == Subscription.State.EXPIRED;
            boolean stuck = (s.state() == Subscription.State.PENDING_SUBSCRIBE)
                    && s.changedAt().plusSeconds(PENDING_TIMEOUT_SECONDS).isBefore(now);
            if (lapsed || stuck || (at != null && !now.isBefore(at))) out.add(s);
        }
        return out;
    }

    /**
     * Marks active subscriptions whose lease ended as expired and returns them: their sources must fall back to
     * polling at once.
     */
    public List<Subscription> expire(Instant now) {
        List<Subscription> out = new ArrayList<>();
        for (Subscription s : byId.values()) {
            if (s.state() == Subscription.State.ACTIVE && s.expiresAt() != null && !now.isBefore(s.expiresAt())) {
                update(s.id(), x -> x.with(Subscription.State.EXPIRED, now, "lease ended")).ifPresent(out::add);
            }
        }
        return out;
    }

    /** The subscription of a source, if any. */
    public @Nullable Subscription ofSource(long sourceId) {
        for (Subscription s : byId.values()) if (s.sourceId() == sourceId) return s;
        return null;
    }

    public void remove(String id) {
        byId.remove(id);
    }

    public int size() {
        return byId.size();
    }

    /** How many are active (verified and within their lease) at {@code now}. */
    public long active(Instant now) {
        return byId.values().stream().filter(s -> s.pushing(now)).count();
    }
}
