package org.worldwire.web;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.encoder.Encoder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;
import java.util.zip.GZIPOutputStream;
import org.jspecify.annotations.Nullable;

/**
 * A response body ready to send again and again, with the weak ETag that names it. Its gzip and brotli
 * forms are made once, on first demand, so a cached page costs no compression per request.
 */
final class Rendered {
    /** Below this, compressing costs more than it saves. */
    static final int MIN_COMPRESS = 1000;

    /**
     * Whether the native brotli encoder loaded, in a holder: loading it (copying the library out of its jar into a
     * temporary directory) was 20 ms of the main thread before the port opened; {@link #loadBrotli} does it on the
     * start's side thread instead.
     */
    private static final class Brotli {
        static final boolean AVAILABLE = brotliAvailable();
    }

    private final byte[] body;
    private final String contentType;
    private final String etag;
    private volatile byte @Nullable [] gzip;
    private volatile byte @Nullable [] brotli;

    private Rendered(byte[] body, String contentType, String etag) {
        this.body = body;
        this.contentType = contentType;
        this.etag = etag;
    }

    static Rendered of(byte[] body, String contentType) {
        String tag = "W/\"" + Long.toHexString(crc32c(body)) + "-" + Integer.toHexString(body.length) + "\"";
        return new Rendered(body, contentType, tag);
    }

    /** The CRC-32C of {@code bytes}: what names a body, in its ETag and in an asset's file name. */
    static long crc32c(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        return crc.getValue();
    }

    static Rendered of(String body, String contentType) {
        return of(body.getBytes(StandardCharsets.UTF_8), contentType);
    }

    byte[] body() {
        return body;
    }

    String contentType() {
        return contentType;
    }

    String etag() {
        return etag;
    }

    /** If-None-Match compared weakly (RFC 9110 §13.1.2): a list, "*", or one tag with or without W/. */
    boolean matches(String ifNoneMatch) {
        if (ifNoneMatch.strip().equals("*")) return true;
        String mine = opaque(etag);
        for (String part : ifNoneMatch.split(",")) {
            if (opaque(part.strip()).equals(mine)) return true;
        }
        return false;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }

    /** The encoding to send for an Accept-Encoding header: "br", "gzip", or null for the body as it is. */
    @Nullable String encodingFor(@Nullable String acceptEncoding) {
        if (acceptEncoding == null || body.length < MIN_COMPRESS) return null;
        if (Brotli.AVAILABLE && accepts(acceptEncoding, "br")) return "br";
        if (accepts(acceptEncoding, "gzip")) return "gzip";
        return null;
    }

    private static boolean accepts(String header, String coding) {
        for (String part : header.split(",")) {
            String[] p = part.strip().split(";");
            if (!p[0].strip().equalsIgnoreCase(coding)) continue;
            for (int i = 1; i < p.length; i++) {
                String q = p[i].strip();
                if (q.startsWith("q=") && q.substring(2).strip().matches("0(\\.0*)?")) return false;
            }
            return true;
        }
        return false;
    }

    byte[] encoded(String encoding) {
        return switch (encoding) {
            case "br" -> brotli();
            case "gzip" -> gzip();
            default -> body;
        };
    }

    private byte[] gzip() {
        byte[] g = gzip;
        if (g == null) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
            try (GZIPOutputStream z = new GZIPOutputStream(out)) {
                z.write(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            gzip = g = out.toByteArray();
        }
        return g;
    }

    private byte[] brotli() {
        byte[] b = brotli;
        if (b == null) {
            try {
                brotli = b = Encoder.compress(body, new Encoder.Parameters().setQuality(6));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return b;
    }

    private static boolean brotliAvailable() {
        try {
            Brotli4jLoader.ensureAvailability();
            return true;
        } catch (Throwable e) {
            // no native brotli for this platform: gzip only
            return false;
        }
    }

    /** Loads the brotli encoder now, so that the first compressed answer need not; whether this platform has it. */
    static boolean loadBrotli() {
        return Brotli.AVAILABLE;
    }
}
