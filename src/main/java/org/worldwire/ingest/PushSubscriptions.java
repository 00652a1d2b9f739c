package org.worldwire.ingest;

import java.net.URI;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.worldwire.feed.FeedContext;
import org.worldwire.feed.FeedParser;
import org.worldwire.fetch.Fetcher;
import org.worldwire.model.ParsedFeed;
import org.worldwire.model.Source;
import org.worldwire.schedule.PollOutcome;
import org.worldwire.store.SourceStore;
import org.worldwire.websub.HubDiscovery;
import org.worldwire.websub.HubLinks;
import org.worldwire.websub.Subscription;
import org.worldwire.websub.Subscriptions;
import org.worldwire.websub.WebSubCallback;
import org.worldwire.websub.http.WebSubSubscriber;

/**
 * WebSub for the sources that offer it: subscribe when a poll reveals a hub, answer the hub's verification,
 * ingest pushed content at once, renew leases, and hand a source back to polling when push lapses. The
 * scheduler keeps a slow safety-net poll on pushed sources, so a hub that goes quiet costs little.
 */
public final class PushSubscriptions implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PushSubscriptions.class);

    private final Subscriptions subscriptions;
    private final WebSubSubscriber subscriber;
    private final WebSubCallback callback;
    private final RefreshSource refresh;
    private final SourceStore sources;
    private final Poller poller;
    private final Fetcher guard;
    private final InstantSource clock;
    private final Map<Long, Boolean> attempted = new ConcurrentHashMap<>();
    private final Thread upkeep;

    public PushSubscriptions(Subscriptions subscriptions, WebSubSubscriber subscriber, RefreshSource refresh,
            SourceStore sources, Poller poller, Fetcher guard, InstantSource clock) {
        this.subscriptions = subscriptions;
        this.subscriber = subscriber;
        this.callback = new WebSubCallback(subscriptions);
        this.refresh = refresh;
        this.sources = sources;
        this.poller = poller;
        this.guard = guard;
        this.clock = clock;
        this.upkeep = Thread.ofVirtual().name("websub-upkeep").start(this::upkeepLoop);
    }

    /** After every poll: a source whose feed names a hub and is not subscribed yet gets a subscription. */
    void polled(Source source, RefreshSource.Result result) {
        ParsedFeed feed = result.feed();
        if (feed == null || subscriptions.ofSource(source.id()) != null || attempted.putIfAbsent(source.id(), true) != null) {
            return;
        }
        HubLinks links = HubDiscovery.discover(
                result.linkHeader() == null || result.linkHeader().isBlank() ? List.of() : List.of(result.linkHeader()),
                feed, URI.create(source.feedUrl()));
        if (!links.pushCapable()) {
            attempted.remove(source.id());
            return;
        }
        URI hub = links.hubs().get(0);
        String refusal = guard.refusal(hub.toString());
        if (refusal != null) {
            log.warn("websub hub refused source_id={} hub={} reason={}", source.id(), hub, refusal);
            return;
        }
        URI topic = links.self() != null ? links.self() : URI.create(source.feedUrl());
        Thread.ofVirtual().name("websub-subscribe-", source.id()).start(() -> {
            var outcome = subscriber.subscribe(UUID.randomUUID().toString(), source.id(), hub, topic, clock.instant());
            if (outcome.accepted()) {
                log.info("websub subscription requested source_id={} hub={} topic={}", source.id(), hub, topic);
            } else {
                log.warn("websub subscription refused source_id={} hub={} status={} detail={}", source.id(), hub,
                        outcome.status(), outcome.detail());
                attempted.remove(source.id());
            }
        });
    }

    /** The hub verifies our intent (GET on the callback). */
    public WebSubCallback.Decision verify(String subscriptionId, Map<String, String> query) {
        WebSubCallback.Decision d = callback.verify(subscriptionId, query, clock.instant());
        subscriptions.find(subscriptionId).ifPresent(s -> {
            if (d.status() == 200) poller.pushActive(s.sourceId(), s.state() == Subscription.State.ACTIVE);
        });
        return d;
    }

    /** The hub delivers new content (POST on the callback): ingested before this returns. */
    public WebSubCallback.Decision deliver(String subscriptionId, byte[] body, @Nullable String signature,
            @Nullable String contentType) {
        WebSubCallback.Decision d = callback.notify(subscriptionId, body, signature, contentType, clock.instant());
        switch (d) {
            case WebSubCallback.Deliver delivery -> ingest(delivery);
            case WebSubCallback.Ignore ignore -> log.warn("websub notification ignored subscription_id={} reason={}",
                    subscriptionId, ignore.reason());
            case WebSubCallback.Respond r -> { }
        }
        return d;
    }

    private void ingest(WebSubCallback.Deliver delivery) {
        Subscription s = delivery.subscription();
        Source source = sources.find(s.sourceId()).orElse(null);
        if (source == null) return;
        ParsedFeed feed = FeedParser.parse(delivery.content(),
                new FeedContext(s.topic().toString(), delivery.contentType(), null));
        try {
            var result = refresh.ingestFeed(source, feed, 200, null, clock.instant());
            if (result.outcome() instanceof PollOutcome.Fetched f) poller.pushed(source.id(), f.newEntryTimes());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void upkeepLoop() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(60_000);
                var upkeepResult = subscriber.maintain(clock.instant());
                for (Subscription lapsed : upkeepResult.lapsed()) poller.pushActive(lapsed.sourceId(), false);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.error("websub upkeep failed", e);
            }
        }
    }

    public int active() {
        return (int) subscriptions.active(clock.instant());
    }

    @Override
    public void close() {
        upkeep.interrupt();
    }
}
