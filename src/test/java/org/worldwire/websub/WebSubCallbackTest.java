package org.worldwire.websub;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebSubCallbackTest {
    private static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");
    private static final URI HUB = URI.create("https://hub.example/");
    private static final URI TOPIC = URI.create("https://news.example/feed.xml");

    private final Subscriptions subs = new Subscriptions();
    private final WebSubCallback callback = new WebSubCallback(subs);

    private Map<String, String> verification(String mode, String topic) {
        return Map.of("hub.mode", mode, "hub.topic", topic, "hub.challenge", "abc123", "hub.lease_seconds", "3600");
    }

    @Test
    void echoesTheChallengeForAPendingSubscriptionAndActivatesItForTheLease() {
        subs.request("s1", 7, HUB, TOPIC, "secret", T0);
        var d = callback.verify("s1", verification("subscribe", TOPIC.toString()), T0);
        assertThat(d).isEqualTo(new WebSubCallback.Respond(200, "abc123"));
        Subscription s = subs.find("s1").orElseThrow();
        assertThat(s.pushing(T0.plusSeconds(3599))).isTrue();
        assertThat(s.pushing(T0.plusSeconds(3600))).isFalse();
        // Renew a fifth of the lease early.
        assertThat(s.renewAt()).isEqualTo(T0.plusSeconds(3600 - 720));
    }

    @Test
    void refusesToConfirmATopicWeDidNotAskFor() {
        subs.request("s1", 7, HUB, TOPIC, "secret", T0);
        var d = callback.verify("s1", verification("subscribe", "https://evil.example/"), T0);
        assertThat(d.status()).isEqualTo(404);
        assertThat(subs.find("s1").orElseThrow().state()).isEqualTo(Subscription.State.PENDING_SUBSCRIBE);
    }

    @Test
    void refusesAnUnsubscribeWeDidNotRequest() {
        subs.request("s1", 7, HUB, TOPIC, "secret", T0);
        callback.verify("s1", verification("subscribe", TOPIC.toString()), T0);
        assertThat(callback.verify("s1", verification("unsubscribe", TOPIC.toString()), T0).status()).isEqualTo(404);
        subs.requestUnsubscribe("s1", T0);
        assertThat(callback.verify("s1", verification("unsubscribe", TOPIC.toString()), T0).status()).isEqualTo(200);
        assertThat(subs.find("s1").orElseThrow().state()).isEqualTo(Subscription.State.UNSUBSCRIBED);
    }

    @Test
    void recordsADenial() {
        subs.request("s1", 7, HUB, TOPIC, "secret", T0);
        var d = callback.verify("s1", Map.of("hub.mode", "denied", "hub.topic", TOPIC.toString(), "hub.reason", "quota"), T0);
        assertThat(d.status()).isEqualTo(200);
        assertThat(subs.find("s1").orElseThrow().reason()).isEqualTo("quota");
    }

    @Test
    void deliversSignedContentAndAcknowledgesButIgnoresForgeries() {
        subs.request("s1", 7, HUB, TOPIC, "secret", T0);
        callback.verify("s1", verification("subscribe", TOPIC.toString()), T0);
        byte[] body = "<feed/>".getBytes(StandardCharsets.UTF_8);
        var ok = callback.notify("s1", body, HubSignature.sign("sha256", "secret", body), "application/atom+xml", T0);
        assertThat(ok).isInstanceOf(WebSubCallback.Deliver.class);
        var forged = callback.notify("s1", body, HubSignature.sign("sha256", "guess", body), null, T0);
        // WebSub §8: a bad signature still gets a 2xx, so a forger learns nothing, but the content is dropped.
        assertThat(forged).isInstanceOf(WebSubCallback.Ignore.class);
        assertThat(forged.status()).isEqualTo(202);
        assertThat(callback.notify("s1", body, null, null, T0)).isInstanceOf(WebSubCallback.Ignore.class);
    }

    @Test
    void tellsTheHubToStopPushingUnknownSubscriptions() {
        assertThat(callback.notify("nope", new byte[0], null, null, T0).status()).isEqualTo(410);
        assertThat(callback.verify("nope", verification("subscribe", TOPIC.toString()), T0).status()).isEqualTo(404);
    }

    @Test
    void listsSubscriptionsToRenewAndExpiresLapsedOnes() {
        subs.request("s1", 7, HUB, TOPIC, "secret", T0);
        callback.verify("s1", verification("subscribe", TOPIC.toString()), T0);
        assertThat(subs.toRenew(T0.plus(Duration.ofMinutes(30)))).isEmpty();
        assertThat(subs.toRenew(T0.plus(Duration.ofMinutes(50)))).extracting(Subscription::id).containsExactly("s1");
        assertThat(subs.expire(T0.plus(Duration.ofMinutes(59)))).isEmpty();
        assertThat(subs.expire(T0.plus(Duration.ofMinutes(60)))).extracting(Subscription::sourceId).containsExactly(7L);
        // A renewal verified after the lapse revives it.
        callback.verify("s1", verification("subscribe", TOPIC.toString()), T0.plus(Duration.ofMinutes(61)));
        assertThat(subs.active(T0.plus(Duration.ofMinutes(62)))).isEqualTo(1);
    }
}
