package org.worldwire.app;

import io.javalin.Javalin;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.worldwire.ingest.PushSubscriptions;
import org.worldwire.websub.WebSubCallback;

/** The WebSub callback endpoint: {@code /websub/{id}}, GET for verification of intent, POST for content. */
final class WebSubRoutes {
    static final String PREFIX = "/websub/";

    private WebSubRoutes() {}

    /** @param push the subscriptions, or null while the process is still starting (answered 503, hubs retry) */
    static void install(Javalin javalin, Supplier<@Nullable PushSubscriptions> push) {
        javalin.get(PREFIX + "{id}", ctx -> {
            PushSubscriptions p = push.get();
            if (p == null) {
                starting(ctx);
                return;
            }
            Map<String, String> query = new HashMap<>();
            ctx.queryParamMap().forEach((k, v) -> {
                if (!v.isEmpty()) query.put(k, v.get(0));
            });
            answer(ctx, p.verify(ctx.pathParam("id"), query));
        });
        javalin.post(PREFIX + "{id}", ctx -> {
            PushSubscriptions p = push.get();
            if (p == null) {
                starting(ctx);
                return;
            }
            long length = ctx.contentLength();
            if (length > WebSubCallback.MAX_BODY_BYTES) {
                ctx.status(413).result("notification too large");
                return;
            }
            answer(ctx, p.deliver(ctx.pathParam("id"), ctx.bodyAsBytes(), ctx.header("X-Hub-Signature"),
                    ctx.contentType()));
        });
    }

    private static void starting(io.javalin.http.Context ctx) {
        ctx.status(503).header("Retry-After", "1").contentType("text/plain; charset=utf-8").result("starting");
    }

    private static void answer(io.javalin.http.Context ctx, WebSubCallback.Decision d) {
        ctx.status(d.status()).contentType("text/plain; charset=utf-8").result(d.body());
    }
}
