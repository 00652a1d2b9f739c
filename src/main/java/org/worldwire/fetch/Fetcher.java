package org.worldwire.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.jspecify.annotations.Nullable;

/**
 * Fetches feeds and pages over HTTP with every limit a stranger's URL needs: a connect timeout, a total time
 * for the whole exchange (redirects and body included), a cap on bytes after decompression, a redirect limit
 * with loop detection, and the {@link AddressGuard} applied after name resolution on every hop.
 *
 * <p>The guard checks the addresses the resolver returns before the client connects; a host whose DNS answer
 * changes between the check and the connection (rebinding) is not caught here. Thread-safe.
 */
public final class Fetcher implements AutoCloseable {
    private static final ScheduledExecutorService DEADLINES = deadlines();

    private static ScheduledExecutorService deadlines() {
        var pool = new java.util.concurrent.ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "fetch-deadlines");
            t.setDaemon(true);
            return t;
        });
        // A cancelled deadline would otherwise stay queued until it was due, holding its response stream: at a few
        // hundred fetches a second, thousands of them and their buffers.
        pool.setRemoveOnCancelPolicy(true);
        return pool;
    }

    private final FetchConfig config;
    private final HostResolver resolver;
    private final AddressGuard guard;
    private final HttpClient client;

    public Fetcher(FetchConfig config, HostResolver resolver) {
        this.config = config;
        this.resolver = resolver;
        this.guard = new AddressGuard(config.allowLoopback(), config.allowPrivate());
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(config.connectTimeout())
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
    }

    public Fetcher(FetchConfig config) {
        this(config, HostResolver.system());
    }

    public FetchConfig config() {
        return config;
    }

    public FetchResult fetch(FetchRequest request) {
        long deadline = System.nanoTime() + config.totalTimeout().toNanos();
        String url = request.url();
        Set<String> visited = new HashSet<>();
        for (int hop = 0; ; hop++) {
            URI uri;
            try {
                uri = checkedUri(url);
            } catch (IllegalArgumentException e) {
                return failed(url, FetchFailure.BAD_URL, e.getMessage(), null);
            }
            if (!visited.add(uri.toString())) {
                return failed(url, FetchFailure.REDIRECT_LOOP, "redirect loop back to " + uri, null);
            }
            FetchResult blocked = checkAddress(uri);
            if (blocked != null) return blocked;
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) return failed(url, FetchFailure.TIMEOUT, "total time exceeded", null);

            Deadline exchange = new Deadline(client.sendAsync(buildRequest(uri, request), HttpResponse.BodyHandlers.ofInputStream()),
                    remaining);
            // Each hop's exchange is bounded by what is left of the total time; its timer stops with the hop.
            try {
                HttpResponse<InputStream> response;
                try {
                    response = exchange.response();
                } catch (HttpConnectTimeoutException e) {
                    return failed(url, FetchFailure.TIMEOUT, "connect timed out", null);
                } catch (HttpTimeoutException e) {
                    return failed(url, FetchFailure.TIMEOUT, "no response within " + config.totalTimeout(), null);
                } catch (ConnectException e) {
                    return failed(url, FetchFailure.CONNECTION, "connection refused or unreachable", null);
                } catch (IOException e) {
                    return failed(url, FetchFailure.CONNECTION, String.valueOf(e.getMessage()), null);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return failed(url, FetchFailure.TIMEOUT, "interrupted", null);
                }
                int status = response.statusCode();
                if (status >= 300 && status < 400 && status != 304) {
                    closeQuietly(response.body());
                    String location = response.headers().firstValue("Location").orElse(null);
                    if (location == null) return failed(url, FetchFailure.HTTP_ERROR, "redirect without Location", status);
                    if (hop >= config.maxRedirects()) {
                        return failed(url, FetchFailure.TOO_MANY_REDIRECTS, "more than " + config.maxRedirects() + " redirects", status);
                    }
                    try {
                        url = uri.resolve(location.strip()).toString();
                    } catch (IllegalArgumentException e) {
                        return failed(url, FetchFailure.BAD_URL, "bad redirect target: " + location, status);
                    }
                    continue;
                }
                if (status == 304) {
                    closeQuietly(response.body());
                    return new FetchResult.NotModified(url);
                }
                if (status == 429 || status == 503) {
                    closeQuietly(response.body());
                    Duration retryAfter = parseRetryAfter(response.headers().firstValue("Retry-After").orElse(null), Instant.now());
                    return new FetchResult.Failed(url, FetchFailure.RATE_LIMITED, "HTTP " + status, status, retryAfter);
                }
                if (status < 200 || status >= 300) {
                    closeQuietly(response.body());
                    return failed(url, FetchFailure.HTTP_ERROR, "HTTP " + status, status);
                }
                return readBody(url, response, deadline, exchange);
            } finally {
                exchange.cancel();
            }
        }
    }

    /**
     * Why this URL may not be contacted (scheme, credentials, or an address the guard refuses), or null when
     * it may: for requests made outside {@link #fetch}, such as WebSub subscriptions to a feed's hub.
     */
    public @Nullable String refusal(String url) {
        try {
            FetchResult blocked = checkAddress(checkedUri(url));
            return blocked instanceof FetchResult.Failed f ? f.message() : null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private @Nullable FetchResult checkAddress(URI uri) {
        String host = uri.getHost();
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses;
        try {
            addresses = isLiteral(bare) ? new InetAddress[] {InetAddress.ofLiteral(bare)} : resolver.resolve(bare);
        } catch (UnknownHostException e) {
            return failed(uri.toString(), FetchFailure.DNS, "cannot resolve " + host, null);
        }
        if (addresses.length == 0) return failed(uri.toString(), FetchFailure.DNS, "no address for " + host, null);
        for (InetAddress a : addresses) {
            String refusal = guard.refusal(a);
            if (refusal != null) {
                return failed(uri.toString(), FetchFailure.BLOCKED_ADDRESS, host + " resolves to a " + refusal, null);
            }
        }
        return null;
    }

    static boolean isLiteral(String host) {
        try {
            InetAddress.ofLiteral(host);
            return true;
        } catch (IllegalArgumentException notALiteral) {
            return false;
        }
    }

    /**
     * A request without a timeout of the client's: {@link Deadline} bounds the exchange. The client's own timer
     * registers an event with its selector thread and wakes it for every request, then cancels it again.
     */
    private HttpRequest buildRequest(URI uri, FetchRequest request) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                .GET()
                .header("User-Agent", config.userAgent())
                .header("Accept", request.accept())
                .header("Accept-Encoding", "gzip, deflate");
        // Plain-http requests stay HTTP/1.1: an h2c upgrade attempt confuses many small servers.
        if ("http".equals(uri.getScheme())) b.version(HttpClient.Version.HTTP_1_1);
        if (request.etag() != null) b.header("If-None-Match", request.etag());
        if (request.lastModified() != null) b.header("If-Modified-Since", request.lastModified());
        return b.build();
    }

    private FetchResult readBody(String url, HttpResponse<InputStream> response, long deadline, Deadline exchange) {
        var headers = response.headers();
        long declared = headers.firstValueAsLong("Content-Length").orElse(-1);
        String encoding = headers.firstValue("Content-Encoding").orElse("identity").strip().toLowerCase(Locale.ROOT);
        if (declared > config.maxBytes() && encoding.equals("identity")) {
            closeQuietly(response.body());
            return failed(url, FetchFailure.TOO_LARGE, "Content-Length " + declared + " over the cap of " + config.maxBytes(), response.statusCode());
        }
        InputStream raw = response.body();
        exchange.watch(raw);
        try (InputStream in = decoded(raw, encoding)) {
            byte[] body = CappedReader.readAtMost(in, config.maxBytes());
            if (body == null) {
                return failed(url, FetchFailure.TOO_LARGE, "body over the cap of " + config.maxBytes() + " bytes", response.statusCode());
            }
            return new FetchResult.Fetched(url, response.statusCode(),
                    headers.firstValue("Content-Type").orElse(null),
                    headers.firstValue("Content-Location").orElse(null),
                    headers.firstValue("ETag").orElse(null),
                    headers.firstValue("Last-Modified").orElse(null),
                    String.join(", ", headers.allValues("Link")),
                    body);
        } catch (UnsupportedEncodingException e) {
            return failed(url, FetchFailure.DECODING, e.getMessage(), response.statusCode());
        } catch (IOException e) {
            if (System.nanoTime() >= deadline) {
                return failed(url, FetchFailure.TIMEOUT, "body not complete within " + config.totalTimeout(), response.statusCode());
            }
            return failed(url, encoding.equals("identity") ? FetchFailure.CONNECTION : FetchFailure.DECODING,
                    "reading body: " + e.getMessage(), response.statusCode());
        }
    }

    /**
     * The total time of one exchange, headers and body, on one shared scheduler: when it runs out the request is
     * cancelled (a caller waiting for the response gets {@link HttpTimeoutException}) and the body, once there, is
     * closed under its reader, which then fails with an {@link IOException}. {@link #cancel} when done.
     */
    private static final class Deadline {
        private final CompletableFuture<HttpResponse<InputStream>> pending;
        private final ScheduledFuture<?> timer;
        private volatile boolean expired;
        private volatile @Nullable InputStream body;

        Deadline(CompletableFuture<HttpResponse<InputStream>> pending, long remainingNanos) {
            this.pending = pending;
            this.timer = DEADLINES.schedule(this::expire, Math.max(remainingNanos, 1), TimeUnit.NANOSECONDS);
        }

        private void expire() {
            expired = true;
            pending.cancel(true);
            InputStream b = body;
            if (b != null) closeQuietly(b);
        }

        HttpResponse<InputStream> response() throws IOException, InterruptedException {
            try {
                return pending.get();
            } catch (CancellationException e) {
                throw new HttpTimeoutException("request timed out");
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (expired) throw new HttpTimeoutException("request timed out");
                if (cause instanceof IOException io) throw io;
                throw new IOException(cause == null ? e.getMessage() : cause.getMessage(), cause);
            } catch (InterruptedException e) {
                pending.cancel(true);
                throw e;
            }
        }

        /** Closes the body when the time runs out (at once if it has). */
        void watch(InputStream in) {
            body = in;
            if (expired) closeQuietly(in);
        }

        /** Stops the timer; a response that never arrived is abandoned. */
        void cancel() {
            timer.cancel(false);
            if (!pending.isDone()) pending.cancel(true);
        }
    }

    private static final class UnsupportedEncodingException extends IOException {
        UnsupportedEncodingException(String message) {
            super(message);
        }
    }

    private static InputStream decoded(InputStream raw, String encoding) throws IOException {
        return switch (encoding) {
            case "identity", "" -> raw;
            case "gzip", "x-gzip" -> new GZIPInputStream(raw, 8192);
            // "deflate" is zlib-wrapped by the standard, raw deflate by some servers: peek at the header.
            case "deflate" -> {
                var in = new java.io.PushbackInputStream(raw, 2);
                int b0 = in.read(), b1 = in.read();
                if (b1 >= 0) in.unread(b1);
                if (b0 >= 0) in.unread(b0);
                boolean zlib = b0 >= 0 && b1 >= 0 && (b0 & 0x0f) == 8 && ((b0 << 8) | b1) % 31 == 0;
                yield new InflaterInputStream(in, new Inflater(!zlib), 8192);
            }
            default -> throw new UnsupportedEncodingException("unsupported Content-Encoding " + encoding);
        };
    }

    static @Nullable Duration parseRetryAfter(@Nullable String value, Instant now) {
        if (value == null || value.isBlank()) return null;
        String v = value.strip();
        try {
            long seconds = Long.parseLong(v);
            return seconds < 0 ? null : Duration.ofSeconds(Math.min(seconds, 7 * 86_400));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration d = Duration.between(now, at);
                return d.isNegative() ? Duration.ZERO : d;
            } catch (java.time.format.DateTimeParseException e) {
                return null;
            }
        }
    }

    static URI checkedUri(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("only http and https URLs are fetched, not '" + scheme + ":'");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) throw new IllegalArgumentException("URL has no host: " + url);
        if (uri.getRawUserInfo() != null) throw new IllegalArgumentException("URLs with credentials are not fetched");
        return uri;
    }

    private static FetchResult failed(String url, FetchFailure reason, @Nullable String message, @Nullable Integer status) {
        return new FetchResult.Failed(url, reason, message == null ? reason.key() : message, status, null);
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // closing is best effort: the connection is discarded either way
        }
    }

    /**
     * Cuts short every exchange under way (their fetches fail as {@link FetchFailure#CONNECTION}) and refuses new ones:
     * for a shutdown that must not wait out a slow publisher's total timeout. Interrupts no caller's thread.
     */
    public void abort() {
        client.shutdownNow();
    }

    /** {@link #abort}, then a short wait for the client's own threads. */
    @Override
    public void close() {
        client.shutdownNow();
        try {
            client.awaitTermination(Duration.ofMillis(500));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
