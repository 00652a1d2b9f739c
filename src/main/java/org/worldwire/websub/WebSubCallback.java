package org.worldwire.websub;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What our callback endpoint answers, decided without IO: the web route parses the request, calls {@link #verify}
 * (GET) or {@link #notify} (POST), writes the {@link Decision}'s status and body, and hands {@link Deliver}'s content to
 * ingest at once.
 */
public final class WebSubCallback {
    /** Largest notification body accepted; feeds bigger than this are polled instead. */
    public static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

    /** The answer to one callback request. */
    public sealed interface Decision {
        int status();

        String body();
    }

    /** Answer and do nothing else. */
    public record Respond(int status, String body) implements Decision {}

    /** Answer 202 and ingest {@code content}: a signed, fresh copy of the topic. */
    public record Deliver(Subscription subscription, byte[] content, @Nullable String contentType) implements Decision {
        @Override
        public int status() {
            return 202;
        }

        @Override
        public String body() {
            return "";
        }
    }

    /**
     * Answer 2xx but drop the content: WebSub §8 asks subscribers to acknowledge a notification whose signature does
     * not match (so a forger cannot probe) and ignore it locally.
     */
    public record Ignore(String reason) implements Decision {
        @Override
        public int status() {
            return 202;
        }

        @Override
        public String body() {
            return "";
        }
    }

    private final Subscriptions subscriptions;

    public WebSubCallback(Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    /**
     * A hub's verification of intent (GET with {@code hub.mode}, {@code hub.topic}, {@code hub.challenge},
     * {@code hub.lease_seconds}) or its notice of denial ({@code hub.mode=denied}, {@code hub.reason}).
     */
    public Decision verify(String subscriptionId, Map<String, String> query, Instant now) {
        var found = subscriptions.find(subscriptionId);
        if (found.isEmpty()) return new Respond(404, "unknown subscription");
        Subscription s = found.get();
        String mode = query.getOrDefault("hub.mode", "");
        String topic = query.get("hub.topic");
        if (mode.equals("denied")) {
            subscriptions.update(s.id(), x -> x.with(Subscription.State.DENIED, now, query.getOrDefault("hub.reason", "denied")));
            return new Respond(200, "");
        }
        String challenge = query.get("hub.challenge");
        if (challenge == null || challenge.isEmpty()) return new Respond(400, "missing hub.challenge");
        // The topic must be ours: a hub (or anyone) confirming another topic on this callback is refused.
        if (topic == null || !topic.equals(s.topic().toString())) return new Respond(404, "topic mismatch");
        switch (mode) {
            case "subscribe" -> {
                if (s.state() != Subscription.State.PENDING_SUBSCRIBE && s.state() != Subscription.State.ACTIVE
                        && s.state() != Subscription.State.EXPIRED) {
                    return new Respond(404, "not subscribing");
                }
                long lease = parseLease(query.get("hub.lease_seconds"), s.leaseSeconds());
                subscriptions.update(s.id(), x -> x.activated(lease, now));
                return new Respond(200, challenge);
            }
            case "unsubscribe" -> {
                if (s.state() != Subscription.State.PENDING_UNSUBSCRIBE) return new Respond(404, "not unsubscribing");
                subscriptions.update(s.id(), x -> x.with(Subscription.State.UNSUBSCRIBED, now, null));
                return new Respond(200, challenge);
            }
            default -> {
                return new Respond(400, "unknown hub.mode");
            }
        }
    }

    /** A content distribution (POST): the topic's new content, signed with our secret. */
    public Decision notify(String subscriptionId, byte[] body, @Nullable String signature, @Nullable String contentType,
            Instant now) {
        var found = subscriptions.find(subscriptionId);
        // 410 Gone tells the hub to drop a subscription we no longer know or want.
        if (found.isEmpty()) return new Respond(410, "unknown subscription");
        Subscription s = found.get();
        if (s.state() == Subscription.State.UNSUBSCRIBED || s.state() == Subscription.State.DENIED) {
            return new Respond(410, "not subscribed");
        }
        if (body.length > MAX_BODY_BYTES) return new Respond(413, "notification too large");
        if (!HubSignature.verify(signature, s.secret(), body)) return new Ignore("bad or missing X-Hub-Signature");
        return new Deliver(s, body, contentType);
    }

    private static long parseLease(@Nullable String value, long fallback) {
        if (value == null) return fallback;
        try {
            long v = Long.parseLong(value.strip());
            return v > 0 ? v : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
