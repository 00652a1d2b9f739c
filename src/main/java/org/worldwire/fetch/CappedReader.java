package org.worldwire.fetch;

import java.io.IOException;
import java.io.InputStream;
import org.jspecify.annotations.Nullable;

/** Reads a stream up to a cap, so that a decompression bomb or an endless body costs at most the cap. */
final class CappedReader {
    /** The largest array the JDK allocates for {@link InputStream#readNBytes}. */
    private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

    private CappedReader() {}

    /** @return the bytes, or null when the stream holds more than {@code cap} bytes */
    static byte @Nullable [] readAtMost(InputStream in, long cap) throws IOException {
        // readNBytes reads 16 KB chunks and joins them once at the end: a typical page costs one chunk and one
        // copy, where a growing ByteArrayOutputStream beside a copy buffer cost about five times the page.
        int limit = (int) Math.min(cap + 1, MAX_ARRAY);
        byte[] body = in.readNBytes(limit);
        if (body.length > cap) return null;
        if (body.length == limit && in.read() >= 0) return null; // a cap beyond what one array holds
        return body;
    }
}
