package org.worldwire.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Headless Debian Chromium driven over the Chrome DevTools Protocol on loopback: no driver download, no
 * Selenium. Just what the browser tests need: navigate, evaluate, click, cookies, requests seen, screenshots.
 */
final class Chromium implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Process process;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final WebSocket ws;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<Consumer<JsonNode>> listeners = new CopyOnWriteArrayList<>();
    /** Every URL the page asked for since the last {@link #clearRequests}. */
    final List<String> requests = new CopyOnWriteArrayList<>();

    /** The chromium binary: $CHROMIUM, or chromium / chromium-browser on the usual paths. */
    static Optional<Path> find() {
        String env = System.getenv("CHROMIUM");
        if (env != null && Files.isExecutable(Path.of(env))) return Optional.of(Path.of(env));
        for (String p : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/lib/chromium/chromium")) {
            if (Files.isExecutable(Path.of(p))) return Optional.of(Path.of(p));
        }
        return Optional.empty();
    }

    static Chromium launch(Path binary, Path profile) throws Exception {
        return new Chromium(binary, profile);
    }

    private Chromium(Path binary, Path profile) throws Exception {
        Files.createDirectories(profile);
        process = new ProcessBuilder(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-default-apps", "--disable-extensions", "--no-default-browser-check",
                "--disable-features=Translate,OptimizationHints,MediaRouter", "--metrics-recording-only",
                "--disable-dev-shm-usage", "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
                "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1280,900", "about:blank")
                .redirectErrorStream(true).redirectOutput(profile.resolve("chromium.log").toFile()).start();
        Path portFile = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!(Files.exists(portFile) && Files.readAllLines(portFile).size() >= 2)) {
            if (System.nanoTime() > deadline || !process.isAlive()) {
                process.destroyForcibly();
                throw new IllegalStateException("chromium did not start; see " + profile.resolve("chromium.log"));
            }
            Thread.sleep(50);
        }
        int port = Integer.parseInt(Files.readAllLines(portFile).get(0).strip());
        JsonNode targets = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                .build(), HttpResponse.BodyHandlers.ofString()).body());
        String wsUrl = null;
        for (JsonNode t : targets) {
            if (t.path("type").asText().equals("page")) wsUrl = t.get("webSocketDebuggerUrl").asText();
        }
        if (wsUrl == null) throw new IllegalStateException("chromium has no page target");
        ws = http.newWebSocketBuilder().buildAsync(URI.create(wsUrl), new Listener()).get(10, TimeUnit.SECONDS);
        call("Page.enable", Map.of());
        call("Network.enable", Map.of());
        listeners.add(m -> {
            if (m.path("method").asText().equals("Network.requestWillBeSent")) {
                requests.add(m.path("params").path("request").path("url").asText());
            }
        });
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    JsonNode m = JSON.readTree(text);
                    if (m.has("id")) {
                        CompletableFuture<JsonNode> f = pending.remove(m.get("id").asInt());
                        if (f != null) {
                            if (m.has("error")) f.completeExceptionally(new IllegalStateException(m.get("error").toString()));
                            else f.complete(m.get("result"));
                        }
                    } else {
                        for (Consumer<JsonNode> l : listeners) l.accept(m);
                    }
                } catch (IOException e) {
                    // a frame we cannot read is skipped
                }
            }
            socket.request(1);
            return null;
        }
    }

    JsonNode call(String method, Map<String, Object> params) throws Exception {
        int id = ids.incrementAndGet();
        ObjectNode msg = JSON.createObjectNode();
        msg.put("id", id);
        msg.put("method", method);
        msg.set("params", JSON.valueToTree(params));
        CompletableFuture<JsonNode> f = new CompletableFuture<>();
        pending.put(id, f);
        synchronized (ws) {
            ws.sendText(JSON.writeValueAsString(msg), true).get(10, TimeUnit.SECONDS);
        }
        return f.get(30, TimeUnit.SECONDS);
    }

    /** Navigates and waits for the load event. */
    void open(String url) throws Exception {
        CompletableFuture<Void> loaded = nextLoad();
        call("Page.navigate", Map.of("url", url));
        loaded.get(20, TimeUnit.SECONDS);
    }

    /** Clicks the element (by CSS selector) and waits for the page it leads to. */
    void clickAndWait(String selector) throws Exception {
        CompletableFuture<Void> loaded = nextLoad();
        eval("document.querySelector(" + JSON.writeValueAsString(selector) + ").click()");
        loaded.get(20, TimeUnit.SECONDS);
    }

    private CompletableFuture<Void> nextLoad() {
        CompletableFuture<Void> loaded = new CompletableFuture<>();
        Consumer<JsonNode> l = m -> {
            if (m.path("method").asText().equals("Page.loadEventFired")) loaded.complete(null);
        };
        listeners.add(l);
        loaded.whenComplete((v, e) -> listeners.remove(l));
        return loaded;
    }

    JsonNode eval(String expression) throws Exception {
        JsonNode r = call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true, "awaitPromise", true));
        if (r.has("exceptionDetails")) throw new IllegalStateException("script failed: " + r.get("exceptionDetails"));
        return r.path("result").path("value");
    }

    /** Names of the cookies the browser holds, for any site. */
    List<String> cookies() throws Exception {
        List<String> names = new ArrayList<>();
        for (JsonNode c : call("Storage.getCookies", Map.of()).path("cookies")) {
            names.add(c.get("name").asText() + "=" + c.get("value").asText() + "@" + c.get("domain").asText());
        }
        return names;
    }

    void clearCookies() throws Exception {
        call("Network.clearBrowserCookies", Map.of());
    }

    void clearRequests() {
        requests.clear();
    }

    void viewport(int width, int height, boolean mobile) throws Exception {
        call("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height, "deviceScaleFactor", 1,
                "mobile", mobile));
    }

    void screenshot(Path file) throws Exception {
        JsonNode r = call("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", false));
        Files.createDirectories(file.getParent());
        Files.write(file, Base64.getDecoder().decode(r.get("data").asText()));
    }

    @Override
    public void close() {
        try {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "").get(2, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // the process goes anyway
        }
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    static Duration since(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos);
    }
}
