package org.worldwire.ingest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * A loopback publisher of hostile feeds and pages, plus one well-behaved feed, for running the whole pipeline
 * against: each {@code /feed/...} is a source, and the feeds link to hostile {@code /page/...} articles.
 */
final class HostileWorld implements AutoCloseable {
    /** Text only a script element carries; if it ever shows up in stored text, a script got through. */
    static final String SCRIPT_MARKER = "stealTheCookies";

    private final HttpServer server;
    private final byte[] bomb;

    HostileWorld() throws IOException {
        // Cheap to send, ruinous to inflate without a cap.
        bomb = org.worldwire.fetch.HostilePublisher.gzipBomb();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        route("/robots.txt", ex -> send(ex, 404, "text/plain", "none".getBytes(StandardCharsets.UTF_8)));

        route("/feed/good", ex -> rss(ex, item("good-1", "/page/good/1", "Harbour reopens after storm"),
                item("good-2", "/page/good/2", "Parliament passes water bill"),
                item("good-3", "/page/good/3", "Rail strike ends after talks")));
        route("/feed/gzip-bomb", this::sendBomb);
        route("/feed/slow", HostileWorld::slow);
        route("/feed/loop-a", ex -> redirect(ex, "/feed/loop-b"));
        route("/feed/loop-b", ex -> redirect(ex, "/feed/loop-a"));
        route("/feed/to-metadata", ex -> redirect(ex, "http://169.254.169.254/latest/meta-data/"));
        route("/feed/to-private", ex -> redirect(ex, "http://10.0.0.1/feed"));
        route("/feed/huge", ex -> huge(ex, "application/rss+xml", true));
        route("/feed/xxe", ex -> send(ex, 200, "application/rss+xml", """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <rss version="2.0"><channel><title>XXE</title><link>/</link>
                <item><guid>xxe-1</guid><title>Leak &xxe; here</title><link>%s</link><description>&xxe;</description></item>
                </channel></rss>""".formatted(url("/page/good/xxe")).getBytes(StandardCharsets.UTF_8)));
        route("/feed/billion-laughs", ex -> send(ex, 200, "application/rss+xml", billionLaughs()));
        route("/feed/invalid-utf8", ex -> {
            byte[] head = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Bytes</title>"
                    + "<item><guid>utf8-1</guid><link>" + url("/page/good/utf8") + "</link><title>Broken ").getBytes(StandardCharsets.UTF_8);
            byte[] junk = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE, (byte) 0xE2, (byte) 0x82};
            byte[] tail = " bytes survive</title></item></channel></rss>".getBytes(StandardCharsets.UTF_8);
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            all.writeBytes(head);
            all.writeBytes(junk);
            all.writeBytes(tail);
            send(ex, 200, "application/rss+xml", all.toByteArray());
        });
        route("/feed/scripted", ex -> rss(ex,
                "<item><guid>js-link</guid><title>Click me</title><link>javascript:alert(document.cookie)</link></item>",
                "<item><guid>file-link</guid><title>Read me</title><link>file:///etc/passwd</link></item>",
                "<item><guid>script-page</guid><title>Scripted page</title><link>" + url("/page/script") + "</link>"
                        + "<description><![CDATA[<p>Summary</p><script>" + SCRIPT_MARKER + "()</script>"
                        + "<img src=x onerror=\"" + SCRIPT_MARKER + "()\">]]></description></item>",
                item("bomb-page", "/page/gzip-bomb", "Bomb page"),
                item("huge-page", "/page/huge", "Huge page"),
                item("slow-page", "/page/slow", "Slow page")));

        route("/page/good/", ex -> page(ex, "<p>The harbour authority said on Monday that ships can dock again after the storm "
                + "damaged the northern pier, and that repairs will take another month to finish completely.</p>"
                + "<p>Fishermen welcomed the news, saying the closure had cost them most of the season's catch.</p>"));
        route("/page/script", ex -> send(ex, 200, "text/html; charset=utf-8", ("""
                <!DOCTYPE html><html><head><title>Scripted</title><script>%1$s()</script>
                <style>body{background:url(javascript:%1$s())}</style></head>
                <body onload="%1$s()"><article><h1>Scripted page</h1>
                <p onclick="%1$s()">The council met on Tuesday to discuss the budget for the coming year and agreed on most items.</p>
                <script>document.write('%1$s')</script>
                <p>Members said a <a href="javascript:%1$s()">final vote</a> would follow next week after a public hearing.</p>
                <iframe src="javascript:%1$s()"></iframe><svg onload="%1$s()"></svg>
                </article></body></html>""").formatted(SCRIPT_MARKER).getBytes(StandardCharsets.UTF_8)));
        route("/page/gzip-bomb", this::sendBomb);
        route("/page/huge", ex -> huge(ex, "text/html", false));
        route("/page/slow", HostileWorld::slow);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private String item(String guid, String path, String title) {
        return "<item><guid>" + guid + "</guid><title>" + title + "</title><link>" + url(path) + "</link>"
                + "<description>" + title + ".</description></item>";
    }

    private void rss(HttpExchange ex, String... items) throws IOException {
        send(ex, 200, "application/rss+xml", ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Feed</title>"
                + "<link>" + url("/") + "</link>" + String.join("", items) + "</channel></rss>").getBytes(StandardCharsets.UTF_8));
    }

    private static void page(HttpExchange ex, String body) throws IOException {
        send(ex, 200, "text/html; charset=utf-8", ("<!DOCTYPE html><html><head><title>Page</title></head><body><article>"
                + body + "</article></body></html>").getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] billionLaughs() {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY lol \"lol\">");
        String prev = "lol";
        for (int i = 1; i <= 9; i++) {
            String name = "lol" + i;
            dtd.append("<!ENTITY ").append(name).append(" \"").append(("&" + prev + ";").repeat(10)).append("\">");
            prev = name;
        }
        dtd.append("]><rss version=\"2.0\"><channel><title>Laughs</title><item><guid>lol</guid><title>&lol9;</title>"
                + "<description>&lol9;</description></item></channel></rss>");
        return dtd.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void sendBomb(HttpExchange ex) throws IOException {
        ex.getResponseHeaders().add("Content-Encoding", "gzip");
        ex.getResponseHeaders().add("Content-Type", "application/rss+xml");
        ex.sendResponseHeaders(200, bomb.length);
        ex.getResponseBody().write(bomb);
    }

    /**
     * 50 MB, declared in Content-Length or not; undeclared, only a cap on bytes read (or the deadline on a busy
     * machine) stops it.
     */
    private static void huge(HttpExchange ex, String type, boolean declared) {
        try {
            ex.getResponseHeaders().add("Content-Type", type);
            ex.sendResponseHeaders(200, declared ? 50_000_000L : 0);
            byte[] chunk = "<p>filler filler filler filler</p>\n".repeat(1_800).getBytes(StandardCharsets.UTF_8);
            OutputStream out = ex.getResponseBody();
            for (long sent = 0; sent < 50_000_000L; sent += chunk.length) {
                out.write(chunk, 0, (int) Math.min(chunk.length, 50_000_000L - sent));
            }
        } catch (IOException clientGaveUp) {
            // expected: the fetcher stops reading at its cap
        }
    }

    /** A byte every 200 ms for a minute: alive, never done. */
    private static void slow(HttpExchange ex) {
        try {
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            for (int i = 0; i < 300; i++) {
                out.write(' ');
                out.flush();
                Thread.sleep(200);
            }
        } catch (IOException | InterruptedException clientGaveUp) {
            // expected: the fetcher's deadline closes the connection
        }
    }

    private void route(String path, HttpHandler handler) {
        server.createContext(path, ex -> {
            try {
                handler.handle(ex);
            } finally {
                ex.close();
            }
        });
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(status, body.length);
        ex.getResponseBody().write(body);
    }

    private static void redirect(HttpExchange ex, String location) throws IOException {
        ex.getResponseHeaders().add("Location", location);
        ex.sendResponseHeaders(302, -1);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
