package org.worldwire.web;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.zip.CRC32C;

/** A response body ready to send again and again, with the weak ETag that names it. */
record Rendered(byte[] body, String contentType, String etag) {

    static Rendered of(byte[] body, String contentType) {
        CRC32C crc = new CRC32C();
        crc.update(body);
        String tag = "W/\"" + Long.toHexString(crc.getValue()) + "-" + Integer.toHexString(body.length) + "\"";
        return new Rendered(body, contentType, tag);
    }

    static Rendered of(String body, String contentType) {
        return of(body.getBytes(StandardCharsets.UTF_8), contentType);
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

    static String hex(byte[] digest, int bytes) {
        return HexFormat.of().formatHex(digest, 0, bytes);
    }
}
