package org.worldwire.web;

import io.javalin.http.sse.SseClient;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.worldwire.events.NewsEvent;
import org.worldwire.model.Article;

/**
 * The live stream: every stored article, as a Server-Sent Event {@code article} whose id is the article id, and
 * every new or grown story, as an event {@code story} without an id (so it never moves a client's resume point).
 * A client that comes back with {@code Last-Event-ID} (or {@code ?after=ID}) first gets what it missed, from
 * the store, then the live ones, without gaps or repeats. Each client has its own bounded queue and writer
 * (a virtual thread), so a slow reader never holds up the storing thread; one that falls too far behind is
 * disconnected and resumes by its last id.
 */
final class LiveStream {
    private static final Logger log = LoggerFactory.getLogger(LiveStream.class);
    static final int QUEUE = 1024;
    static final int MAX_REPLAY = 2000;
    private static final long HEARTBEAT_SECONDS = 15;

    private final Site site;
    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    private volatile boolean stopped;

    LiveStream(Site site) {
        this.site = site;
    }

    int clients() {
        return subscribers.size();
    }

    /** Called on the storing thread: hand the event to every client's queue, never block. */
    void publish(NewsEvent e) {
        for (Subscriber s : subscribers) {
            if (!s.queue.offer(e)) s.overflowed = true;
        }
    }

    void connect(SseClient client) {
        long after = resumeFrom(client.ctx().header("Last-Event-ID"), client.ctx().queryParam("after"));
        Subscriber s = new Subscriber(client);
        subscribers.add(s); // before the replay, so nothing stored meanwhile slips between replay and live
        client.onClose(() -> subscribers.remove(s));
        client.keepAlive();
        Thread.ofVirtual().name("sse-client").start(() -> s.run(after));
    }

    void stop() {
        stopped = true;
        for (Subscriber s : subscribers) s.client.close();
        subscribers.clear();
    }

    /** The id to resume after: the header wins over the query; -1 means "only what is new from now on". */
    static long resumeFrom(@Nullable String lastEventId, @Nullable String afterParam) {
        for (String v : new String[] {lastEventId, afterParam}) {
            if (v == null || v.isBlank()) continue;
            try {
                long id = Long.parseLong(v.strip());
                if (id >= 0) return id;
            } catch (NumberFormatException ignored) {
                // a malformed id is treated as none: the client gets the live stream from now on
            }
        }
        return -1;
    }

    private final class Subscriber {
        final SseClient client;
        final BlockingQueue<NewsEvent> queue = new ArrayBlockingQueue<>(QUEUE);
        volatile boolean overflowed;

        Subscriber(SseClient client) {
            this.client = client;
        }

        void run(long after) {
            try {
                client.sendComment("connected");
                // Only what the replay sent is skipped. Live articles may come out of id order (each worker
                // announces after its own commit), so "skip anything below the last id sent" dropped some.
                long replayed = after >= 0 ? replay(after) : -1;
                long last = replayed;
                while (!stopped && !client.terminated()) {
                    if (overflowed) {
                        log.info("sse client too slow, closing last_id={}", last);
                        break;
                    }
                    NewsEvent e = queue.poll(HEARTBEAT_SECONDS, TimeUnit.SECONDS);
                    switch (e) {
                        case null -> client.sendComment("ping");
                        case NewsEvent.ArticleStored(Article a) when a.id() > replayed -> {
                            send(a);
                            last = Math.max(last, a.id());
                        }
                        case NewsEvent.ArticleStored ignored -> { } // the replay sent it already
                        case NewsEvent.StoryUpdated u -> client.sendEvent("story",
                                ApiJson.write(ApiJson.storyEvent(site, u.story(), u.created(), u.merged())));
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.debug("sse client ended error={}", e.toString());
            } finally {
                subscribers.remove(this);
                client.close();
            }
        }

        private long replay(long after) {
            long last = after;
            int sent = 0;
            while (sent < MAX_REPLAY && !client.terminated()) {
                List<Article> page = site.articles.after(last, 200);
                for (Article a : page) {
                    send(a);
                    last = a.id();
                    sent++;
                }
                if (page.size() < 200) break;
            }
            return last;
        }

        private void send(Article a) {
            client.sendEvent("article", ApiJson.write(ApiJson.article(site, a)), String.valueOf(a.id()));
        }
    }
}
