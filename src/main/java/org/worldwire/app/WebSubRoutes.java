package org.worldwire.app;

import io.javalin.Javalin;
import java.util.HashMap;
import java.util.Map;
import org.worldwire.ingest.PushSubscriptions;
import org.worldwire.websub.WebSubCallback;

/** The WebSub callback endpoint: {@code /websub/{id}}, GET for verification of intent, POST for content. */
final class WebSubRoutes {
    static final String PREFIX = "/websub/";

    private WebSubRoutes() {}

    static void install(Javalin javalin, PushSubscriptions push) {
        javalin.get(PREFIX + "{id}", ctx -> {
            Map<String, String> query = new HashMap<>();
            ctx.queryParamMap().forEach((k, v) -> {
                if (!v.isEmpty()) query.put(k, v.get(0));
            });
            answer(ctx, push.verify(ctx.pathParam("id"), query));
        });
        javalin.post(PREFIX + "{id}", ctx -> {
            long length = ctx.contentLength();
            if (length > WebSubCallback.MAX_BODY_BYTES) {
                ctx.status(413).result("notification too large");
                return;
            }
            answer(ctx, push.deliver(ctx.pathParam("id"), ctx.bodyAsBytes(), ctx.header("X-Hub-Signature"),
                    ctx.contentType()));
        });
    }

    private static void answer(io.javalin.http.Context ctx, WebSubCallback.Decision d) {
        ctx.status(d.status()).contentType("text/plain; charset=utf-8").result(d.body());
    }
}
