package org.worldwire.websub;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One subscription of a source to a topic at a hub, as we track it.
 *
 * @param id our opaque id; the callback URL ends with it, so a notification names its subscription
 * @param secret the {@code hub.secret} we gave the hub; every notification must be signed with it
 * @param leaseSeconds what we ask for; the hub's answer (in the verification) replaces it
 * @param expiresAt when the hub stops pushing unless we renew; null until verified
 */
public record Subscription(
        String id,
        long sourceId,
        URI hub,
        URI topic,
        String secret,
        State state,
        long leaseSeconds,
        Instant changedAt,
        @Nullable Instant expiresAt,
        @Nullable String reason) {

    /** The life of a subscription; {@code PENDING} states wait for the hub's verification of intent. */
    public enum State { PENDING_SUBSCRIBE, ACTIVE, PENDING_UNSUBSCRIBE, UNSUBSCRIBED, DENIED, EXPIRED }

    public Subscription {
        if (secret.isEmpty() || secret.length() > 200) throw new IllegalArgumentException("hub.secret must be 1..200 bytes");
        if (leaseSeconds <= 0) throw new IllegalArgumentException("leaseSeconds must be positive");
    }

    public Subscription with(State next, Instant now, @Nullable String why) {
        return new Subscription(id, sourceId, hub, topic, secret, next, leaseSeconds, now, expiresAt, why);
    }

    /** Verified by the hub for {@code lease}: active until {@code now + lease}. */
    public Subscription activated(long lease, Instant now) {
        return new Subscription(id, sourceId, hub, topic, secret, State.ACTIVE, lease, now, now.plusSeconds(lease), null);
    }

    /**
     * When to renew: a fifth of the lease before it ends (at least a minute, never before activation), so that a slow
     * or briefly unreachable hub still has time to verify the renewal.
     */
    public @Nullable Instant renewAt() {
        if (state != State.ACTIVE || expiresAt == null) return null;
        Duration lease = Duration.ofSeconds(leaseSeconds);
        Duration margin = lease.dividedBy(5);
        if (margin.compareTo(Duration.ofMinutes(1)) < 0) margin = Duration.ofMinutes(1);
        Instant at = expiresAt.minus(margin);
        return at.isBefore(changedAt) ? changedAt : at;
    }

    /** True while the hub should be pushing to us. */
    public boolean pushing(Instant now) {
        return state == State.ACTIVE && expiresAt != null && now.isBefore(expiresAt);
    }
}
