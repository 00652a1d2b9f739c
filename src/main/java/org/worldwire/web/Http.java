package org.worldwire.web;

import io.javalin.http.Context;

/** Response conventions shared by every route: ETag/304, cache lifetimes, consent-aware security headers. */
final class Http {
    private Http() {}

    static Consent consent(Context ctx, WebConfig config) {
        return Consent.of(ctx.cookie(config.consentCookie().name()), ctx.header("Sec-GPC"));
    }

    /** Sends the body, or 304 when the client already holds this version. */
    static void send(Context ctx, Rendered r, String cacheControl) {
        ctx.header("ETag", r.etag());
        ctx.header("Cache-Control", cacheControl);
        String inm = ctx.header("If-None-Match");
        if (inm != null && r.matches(inm)) {
            ctx.status(304);
            return;
        }
        String encoding = r.encodingFor(ctx.header("Accept-Encoding"));
        ctx.contentType(r.contentType());
        if (encoding == null) {
            ctx.result(r.body());
        } else {
            // set before writing, so the server's own compression leaves the precompressed body alone
            ctx.header("Content-Encoding", encoding);
            ctx.result(r.encoded(encoding));
        }
        if (ctx.res().getHeader("Vary") == null) ctx.header("Vary", "Accept-Encoding");
    }

    /** HTML pages: revalidated on every view (they change as news lands), varying with the consent choice. */
    static void sendPage(Context ctx, Rendered r, Consent consent, WebConfig config) {
        applyPageHeaders(ctx, consent, config);
        send(ctx, r, "no-cache");
    }

    static void applyPageHeaders(Context ctx, Consent consent, WebConfig config) {
        ctx.header("Vary", "Cookie, Sec-GPC, Accept-Encoding");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "strict-origin-when-cross-origin");
        ctx.header("Content-Security-Policy", csp(consent));
    }

    /**
     * Before acceptance the browser itself refuses anything not from this site, so a slip in a template
     * cannot leak a request to a third party. After acceptance ad tags may load what they need.
     */
    static String csp(Consent consent) {
        String common = "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";
        if (consent.thirdPartyAllowed()) return common;
        return "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; "
                + "font-src 'self'; frame-src 'none'; " + common;
    }
}
