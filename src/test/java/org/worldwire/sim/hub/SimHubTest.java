package org.worldwire.sim.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.worldwire.websub.Subscription;
import org.worldwire.websub.Subscriptions;
import org.worldwire.websub.WebSubCallback;
import org.worldwire.websub.http.WebSubSubscriber;

class SimHubTest {
    private final Subscriptions subs = new Subscriptions();
    private final WebSubCallback callback = new WebSubCallback(subs);
    private final List<WebSubCallback.Decision> decisions = new CopyOnWriteArrayList<>();
    private HttpServer endpoint;
    private HttpClient client;

    private WebSubSubscriber start() throws Exception {
        endpoint = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        endpoint.createContext("/cb/", ex -> {
            try (ex) {
                String id = ex.getRequestURI().getPath().substring(4);
                WebSubCallback.Decision d = ex.getRequestMethod().equals("GET")
                        ? callback.verify(id, SimHub.parseForm(ex.getRequestURI().getRawQuery()), Instant.now())
                        : callback.notify(id, ex.getRequestBody().readAllBytes(),
                                ex.getRequestHeaders().getFirst("X-Hub-Signature"), null, Instant.now());
                if (ex.getRequestMethod().equals("POST")) decisions.add(d);
                byte[] b = d.body().getBytes(StandardCharsets.UTF_8);
                ex.sendResponseHeaders(d.status(), b.length == 0 ? -1 : b.length);
                if (b.length > 0) ex.getResponseBody().write(b);
            }
        });
        endpoint.start();
        client = HttpClient.newHttpClient();
        URI base = URI.create("http://127.0.0.1:" + endpoint.getAddress().getPort() + "/cb/");
        return new WebSubSubscriber(client, subs, base, Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        if (endpoint != null) endpoint.stop(0);
        if (client != null) client.close();
    }

    private static void await(java.util.function.BooleanSupplier cond) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!cond.getAsBoolean() && System.nanoTime() < deadline) Thread.sleep(10);
    }

    @Test
    void subscribesVerifiesIntentAndReceivesSignedPushes() throws Exception {
        WebSubSubscriber subscriber = start();
        try (SimHub hub = SimHub.start()) {
            URI topic = hub.topic("a.xml");
            var outcome = subscriber.subscribe("s1", 1, hub.uri(), topic, Instant.now());
            assertThat(outcome.accepted()).isTrue();
            await(() -> hub.subscribers(topic) == 1);
            assertThat(subs.find("s1").orElseThrow().state()).isEqualTo(Subscription.State.ACTIVE);
            assertThat(hub.publish(topic, "<feed/>".getBytes(StandardCharsets.UTF_8), "application/atom+xml")).isEqualTo(1);
            await(() -> !decisions.isEmpty());
            assertThat(decisions).singleElement().isInstanceOf(WebSubCallback.Deliver.class);
        }
    }

    @Test
    void unsubscribingStopsThePushes() throws Exception {
        WebSubSubscriber subscriber = start();
        try (SimHub hub = SimHub.start()) {
            URI topic = hub.topic("b.xml");
            subscriber.subscribe("s2", 2, hub.uri(), topic, Instant.now());
            await(() -> hub.subscribers(topic) == 1);
            assertThat(subscriber.unsubscribe("s2", Instant.now()).accepted()).isTrue();
            await(() -> hub.subscribers(topic) == 0);
            assertThat(hub.subscribers(topic)).isZero();
            assertThat(subs.find("s2").orElseThrow().state()).isEqualTo(Subscription.State.UNSUBSCRIBED);
        }
    }

    @Test
    void aPublisherPingMakesTheHubFetchTheTopicAndPushIt() throws Exception {
        WebSubSubscriber subscriber = start();
        byte[] feed = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><id>urn:x:1</id></entry></feed>"
                .getBytes(StandardCharsets.UTF_8);
        endpoint.createContext("/feed.xml", ex -> {
            try (ex) {
                ex.getResponseHeaders().set("Content-Type", "application/atom+xml");
                ex.sendResponseHeaders(200, feed.length);
                ex.getResponseBody().write(feed);
            }
        });
        URI topic = URI.create("http://127.0.0.1:" + endpoint.getAddress().getPort() + "/feed.xml");
        try (SimHub hub = SimHub.start()) {
            subscriber.subscribe("s4", 4, hub.uri(), topic, Instant.now());
            await(() -> hub.subscribers(topic) == 1);
            assertThat(SimHub.ping(client, hub.uri(), topic)).isEqualTo(202);
            await(() -> !decisions.isEmpty());
            assertThat(decisions).singleElement().isInstanceOfSatisfying(WebSubCallback.Deliver.class,
                    d -> assertThat(d.content()).isEqualTo(feed));
            assertThat(hub.pings()).isEqualTo(1);
        }
    }

    @Test
    void theHubRefusesPingsForTopicsOffLoopback() throws Exception {
        try (SimHub hub = SimHub.start(); HttpClient http = HttpClient.newHttpClient()) {
            assertThat(SimHub.ping(http, hub.uri(), URI.create("http://192.0.2.1/feed.xml"))).isEqualTo(400);
            assertThat(hub.pings()).isZero();
        }
    }

    @Test
    void theHubRefusesCallbacksOffLoopback() throws Exception {
        WebSubSubscriber subscriber = new WebSubSubscriber(HttpClient.newHttpClient(), subs,
                URI.create("http://192.0.2.1/cb/"), Duration.ofSeconds(2));
        try (SimHub hub = SimHub.start()) {
            var outcome = subscriber.subscribe("s3", 3, hub.uri(), hub.topic("c.xml"), Instant.now());
            assertThat(outcome.accepted()).isFalse();
            assertThat(outcome.status()).isEqualTo(400);
        }
    }
}
