package org.worldwire.web;

import io.javalin.http.Context;

/** Response conventions shared by every route: ETag/304, cache lifetimes, consent-aware security headers. */
final class Http {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Http.class);

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
        // set before writing, so the server's own compression leaves the precompressed body alone
        if (encoding != null) ctx.header("Content-Encoding", encoding);
        if (ctx.res().getHeader("Vary") == null) ctx.header("Vary", "Accept-Encoding");
        write(ctx, encoding == null ? r.body() : r.encoded(encoding));
    }

    /**
     * Writes the body as it is. {@code ctx.result(bytes)} would copy it through a fresh buffer of the response
     * buffer's size (32 KB) on every request: half of all the server allocated while serving 2,000 cached pages a
     * second, and with it most of the young collections that made the p99.
     */
    private static void write(Context ctx, byte[] body) {
        try {
            ctx.outputStream().write(body);
        } catch (java.io.IOException e) {
            // Only the connection can fail here (the reader went away mid-body): nobody is left to answer.
            log.debug("response not written, the client went away path={} reason={}", ctx.path(), e.toString());
        }
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
