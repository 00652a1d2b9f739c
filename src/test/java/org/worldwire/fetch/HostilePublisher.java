package org.worldwire.fetch;

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
import java.util.zip.GZIPOutputStream;

/**
 * A loopback publisher that misbehaves on purpose, one named route per misbehaviour (in the manner of
 * jsoup's TestServer routes). Bound to 127.0.0.1 on an ephemeral port.
 */
public final class HostilePublisher implements AutoCloseable {
    private final HttpServer server;
    // Compressed once, lazily: it takes seconds of CPU that a busy test machine cannot spare per request.
    private static final class GzipBomb {
        static final byte[] BYTES;

        static {
            try {
                BYTES = gzip(new byte[64 << 20]);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    public HostilePublisher() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        route("/ok", ex -> send(ex, 200, "text/html; charset=utf-8", "<html><body><p>fine</p></body></html>"));
        route("/etag", ex -> {
            String tag = "\"v1\"";
            ex.getResponseHeaders().add("ETag", tag);
            if (tag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                ex.sendResponseHeaders(304, -1);
                ex.close();
            } else {
                send(ex, 200, "application/rss+xml", "<rss/>");
            }
        });
        route("/gzip", ex -> {
            byte[] body = gzip("<p>compressed</p>".getBytes(StandardCharsets.UTF_8));
            ex.getResponseHeaders().add("Content-Encoding", "gzip");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        route("/gzip-bomb", ex -> {
            // 64 MiB of zeros compress to ~64 KiB: cheap to send, ruinous to inflate without a cap.
            byte[] bomb = GzipBomb.BYTES;
            ex.getResponseHeaders().add("Content-Encoding", "gzip");
            ex.sendResponseHeaders(200, bomb.length);
            ex.getResponseBody().write(bomb);
            ex.close();
        });
        route("/huge", ex -> {
            ex.sendResponseHeaders(200, 0);
            byte[] chunk = new byte[65_536];
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < 1_000; i++) out.write(chunk); // 64 MB, no Content-Length
            } catch (IOException clientGaveUp) {
                // expected: the fetcher stops reading at its cap
            }
        });
        route("/slow", ex -> {
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < 100; i++) {
                    out.write('x');
                    out.flush();
                    Thread.sleep(100);
                }
            } catch (IOException | InterruptedException clientGaveUp) {
                // expected: the fetcher's deadline closes the connection
            }
        });
        route("/loop-a", ex -> redirect(ex, "/loop-b"));
        route("/loop-b", ex -> redirect(ex, "/loop-a"));
        route("/chain", ex -> {
            int n = Integer.parseInt(ex.getRequestURI().getQuery().substring(2));
            redirect(ex, n == 0 ? "/ok" : "/chain?n=" + (n - 1));
        });
        route("/to-metadata", ex -> redirect(ex, "http://169.254.169.254/latest/meta-data/"));
        route("/to-private-name", ex -> redirect(ex, "http://intranet.example/secret"));
        route("/to-file", ex -> redirect(ex, "file:///etc/passwd"));
        route("/rate-limited", ex -> {
            ex.getResponseHeaders().add("Retry-After", "120");
            send(ex, 429, "text/plain", "slow down");
        });
        route("/error", ex -> send(ex, 500, "text/plain", "oops"));
        server.start();
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

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
    }

    private static void redirect(HttpExchange ex, String location) throws IOException {
        ex.getResponseHeaders().add("Location", location);
        ex.sendResponseHeaders(302, -1);
    }

    /** 64 MiB of zeros gzipped to ~64 KiB, made once per test JVM and shared by every hostile publisher. */
    public static byte[] gzipBomb() {
        return GzipBomb.BYTES;
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
