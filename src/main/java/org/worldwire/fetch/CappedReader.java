package org.worldwire.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.jspecify.annotations.Nullable;

/** Reads a stream up to a cap, so that a decompression bomb or an endless body costs at most the cap. */
final class CappedReader {
    private CappedReader() {}

    /** @return the bytes, or null when the stream holds more than {@code cap} bytes */
    static byte @Nullable [] readAtMost(InputStream in, long cap) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        byte[] buf = new byte[16384];
        long total = 0;
        for (int n; (n = in.read(buf)) > 0; ) {
            total += n;
            if (total > cap) return null;
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }
}
