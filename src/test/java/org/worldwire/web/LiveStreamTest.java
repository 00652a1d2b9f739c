package org.worldwire.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.worldwire.model.Article;
import org.worldwire.model.DisplayPolicy;
import org.worldwire.model.Source;

/** The live stream over HTTP: new articles arrive at once; a returning client gets what it missed first. */
class LiveStreamTest {

    @Test
    void newArticlesArriveAsEventsWithTheirIdWithinASecond(@TempDir Path dir) throws Exception {
        try (SiteFixture site = new SiteFixture(dir)) {
            Source s = site.source("Wire", "KE", DisplayPolicy.EXCERPT);
            site.publish(s, "Before the client came", List.of("Old."), List.of("KE"));
            try (EventReader events = new EventReader(site, null, null)) {
                events.awaitConnected();
                long t0 = System.nanoTime();
                Article a = site.publish(s, "Nairobi marathon record falls", List.of("A new record."), List.of("KE"));
                Event e = events.next(2, TimeUnit.SECONDS);
                long ms = (System.nanoTime() - t0) / 1_000_000;
                assertThat(e).isNotNull();
                assertThat(e.name()).isEqualTo("article");
                assertThat(e.id()).isEqualTo(String.valueOf(a.id()));
                assertThat(e.data()).contains("\"title\":\"Nairobi marathon record falls\"").contains("\"countries\":[\"KE\"]");
                assertThat(ms).isLessThan(1000);
                Event story = events.next(2, TimeUnit.SECONDS);
                assertThat(story.name()).as("its story follows, without an id").isEqualTo("story");
                assertThat(story.id()).isNull();
                assertThat(story.data()).contains("\"created\":true").contains("\"sources\":1")
                        .contains("\"title\":\"Nairobi marathon record falls\"");
                assertThat(events.next(300, TimeUnit.MILLISECONDS)).as("nothing older is replayed without an id").isNull();
            }
        }
    }

    @Test
    void lastEventIdResumesWithWhatWasMissedInOrderThenLive(@TempDir Path dir) throws Exception {
        try (SiteFixture site = new SiteFixture(dir)) {
            Source s = site.source("Wire", "KE", DisplayPolicy.EXCERPT);
            Article first = site.publish(s, "One", List.of("1."), List.of());
            Article second = site.publish(s, "Two", List.of("2."), List.of());
            Article third = site.publish(s, "Three", List.of("3."), List.of());
            try (EventReader events = new EventReader(site, String.valueOf(first.id()), null)) {
                assertThat(events.next(2, TimeUnit.SECONDS).id()).isEqualTo(String.valueOf(second.id()));
                assertThat(events.next(2, TimeUnit.SECONDS).id()).isEqualTo(String.valueOf(third.id()));
                Article fourth = site.publish(s, "Four", List.of("4."), List.of());
                assertThat(events.next(2, TimeUnit.SECONDS).id()).isEqualTo(String.valueOf(fourth.id()));
            }
            try (EventReader events = new EventReader(site, null, String.valueOf(second.id()))) {
                assertThat(events.next(2, TimeUnit.SECONDS).id()).as("?after= works like the header")
                        .isEqualTo(String.valueOf(third.id()));
            }
        }
    }

    @Test
    void articlesAnnouncedOutOfIdOrderAllReachTheClient(@TempDir Path dir) throws Exception {
        // Pipeline workers announce each after its own commit, so a lower id can be announced after a higher one.
        try (SiteFixture site = new SiteFixture(dir)) {
            Source s = site.source("Wire", "KE", DisplayPolicy.EXCERPT);
            try (EventReader events = new EventReader(site, null, null)) {
                events.awaitConnected();
                Instant now = Instant.now();
                Article lower = site.store.articles().addIfNew(new Article(0, s.id(), "http://127.0.0.1:9/news/lower",
                        "g-lower", "Lower", null, now, now, List.of("L."), null, null, "en", List.of(), List.of())).orElseThrow();
                Article higher = site.store.articles().addIfNew(new Article(0, s.id(), "http://127.0.0.1:9/news/higher",
                        "g-higher", "Higher", null, now, now, List.of("H."), null, null, "en", List.of(), List.of())).orElseThrow();
                site.events.articleStored(higher);
                site.events.articleStored(lower);
                assertThat(events.next(2, TimeUnit.SECONDS).id()).isEqualTo(String.valueOf(higher.id()));
                Event second = events.next(2, TimeUnit.SECONDS);
                assertThat(second).as("the article announced second, with the lower id").isNotNull();
                assertThat(second.id()).isEqualTo(String.valueOf(lower.id()));
            }
        }
    }

    @Test
    void malformedIdsMeanOnlyNewArticles() {
        assertThat(LiveStream.resumeFrom("abc", null)).isEqualTo(-1);
        assertThat(LiveStream.resumeFrom(null, "-5")).isEqualTo(-1);
        assertThat(LiveStream.resumeFrom("12", "7")).isEqualTo(12);
        assertThat(LiveStream.resumeFrom(" ", "7")).isEqualTo(7);
    }

    record Event(String name, String id, String data) {}

    /** Reads an event stream on a background thread into a queue of parsed events. */
    static final class EventReader implements AutoCloseable {
        private final BlockingQueue<Event> events = new ArrayBlockingQueue<>(1000);
        private final BlockingQueue<Boolean> connected = new ArrayBlockingQueue<>(1);
        private final Thread reader;
        private volatile Stream<String> lines;

        EventReader(SiteFixture site, String lastEventId, String after) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(site.base() + "/api/v1/stream"
                    + (after == null ? "" : "?after=" + after))).header("Accept", "text/event-stream");
            if (lastEventId != null) b.header("Last-Event-ID", lastEventId);
            HttpRequest req = b.build();
            reader = Thread.ofVirtual().start(() -> {
                try {
                    HttpResponse<Stream<String>> r = site.http.send(req, HttpResponse.BodyHandlers.ofLines());
                    lines = r.body();
                    String name = null, id = null;
                    List<String> data = new ArrayList<>();
                    for (Iterator<String> it = lines.iterator(); it.hasNext(); ) {
                        String line = it.next();
                        if (line.startsWith(":")) {
                            connected.offer(true);
                        } else if (line.startsWith("event:")) {
                            name = line.substring(6).strip();
                        } else if (line.startsWith("id:")) {
                            id = line.substring(3).strip();
                        } else if (line.startsWith("data:")) {
                            data.add(line.substring(5).strip());
                        } else if (line.isEmpty() && name != null) {
                            events.offer(new Event(name, id, String.join("\n", data)));
                            name = null;
                            id = null;
                            data.clear();
                        }
                    }
                } catch (Exception e) {
                    // closing the stream ends the reader
                }
            });
        }

        void awaitConnected() throws InterruptedException {
            assertThat(connected.poll(5, TimeUnit.SECONDS)).as("stream opened").isTrue();
        }

        Event next(long timeout, TimeUnit unit) throws InterruptedException {
            return events.poll(timeout, unit);
        }

        @Override
        public void close() {
            if (lines != null) lines.close();
            reader.interrupt();
        }
    }
}
