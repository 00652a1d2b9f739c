package org.worldwire.websub.http;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.worldwire.websub.Subscription;
import org.worldwire.websub.Subscriptions;

/**
 * Sends subscription requests to hubs (WebSub §5.1): a form POST of {@code hub.callback}, {@code hub.mode},
 * {@code hub.topic}, {@code hub.lease_seconds} and {@code hub.secret}. A 202 means the hub will verify our intent by
 * calling the callback, which {@link org.worldwire.websub.WebSubCallback} answers.
 */
public final class WebSubSubscriber {
    /** What the hub said to a request. */
    public record Outcome(boolean accepted, int status, String detail) {}

    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpClient client;
    private final Subscriptions subscriptions;
    private final Supplier<URI> callbackBase;
    private final Duration timeout;

    /**
     * @param callbackBase our public callback prefix; a subscription's callback is this plus its id
     */
    public WebSubSubscriber(HttpClient client, Subscriptions subscriptions, URI callbackBase, Duration timeout) {
        this(client, subscriptions, () -> callbackBase, timeout);
    }

    /**
     * @param callbackBase asked at each request, for a prefix known only once the server listens (an ephemeral port)
     */
    public WebSubSubscriber(HttpClient client, Subscriptions subscriptions, Supplier<URI> callbackBase, Duration timeout) {
        this.client = client;
        this.subscriptions = subscriptions;
        this.callbackBase = callbackBase;
        this.timeout = timeout;
    }

    /** A fresh random secret for a new subscription (32 bytes, hex). */
    public static String newSecret() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    public URI callbackOf(String subscriptionId) {
        return URI.create(callbackBase.get().toString() + subscriptionId);
    }

    /** Registers the intent and asks the hub; returns once the hub answered (verification follows separately). */
    public Outcome subscribe(String id, long sourceId, URI hub, URI topic, Instant now) {
        Subscription s = subscriptions.request(id, sourceId, hub, topic, newSecret(), now);
        return send(s, "subscribe");
    }

    /** Renews (re-subscribes with the same secret) before the lease ends. */
    public Outcome renew(Subscription s) {
        return send(s, "subscribe");
    }

    /** What one round of upkeep did. */
    public record Upkeep(List<Subscription> lapsed, int renewed, int renewalsFailed) {}

    /**
     * Upkeep to run every minute or so: marks subscriptions whose lease ended as expired (their sources must go back
     * to polling: {@code PollScheduler.pushActive(id, false, now)}) and renews those near the end of their lease, or
     * stuck waiting for a verification, or expired.
     */
    public Upkeep maintain(Instant now) {
        List<Subscription> lapsed = subscriptions.expire(now);
        int renewed = 0, failed = 0;
        for (Subscription s : subscriptions.toRenew(now)) {
            if (renew(s).accepted()) renewed++;
            else failed++;
        }
        return new Upkeep(lapsed, renewed, failed);
    }

    public Outcome unsubscribe(String id, Instant now) {
        return subscriptions.requestUnsubscribe(id, now).map(s -> send(s, "unsubscribe"))
                .orElse(new Outcome(false, 0, "unknown subscription " + id));
    }

    private Outcome send(Subscription s, String mode) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("hub.callback", callbackOf(s.id()).toString());
        form.put("hub.mode", mode);
        form.put("hub.topic", s.topic().toString());
        form.put("hub.lease_seconds", Long.toString(s.leaseSeconds()));
        if (mode.equals("subscribe")) form.put("hub.secret", s.secret());
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(s.hub()).timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
            boolean ok = r.statusCode() == 202 || r.statusCode() == 204;
            return new Outcome(ok, r.statusCode(), ok ? "" : truncate(r.body()));
        } catch (IOException e) {
            return new Outcome(false, 0, "hub unreachable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(false, 0, "interrupted");
        }
    }

    private static String truncate(String s) {
        return s.length() > 200 ? s.substring(0, 200) : s;
    }
}
