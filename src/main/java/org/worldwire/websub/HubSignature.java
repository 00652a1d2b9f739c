package org.worldwire.websub;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * The {@code X-Hub-Signature} of a content distribution (WebSub §8): {@code method=hexdigest}, an HMAC of the body
 * keyed with the subscription's {@code hub.secret}; methods sha1, sha256, sha384, sha512.
 */
public final class HubSignature {
    private HubSignature() {}

    /** The header value for {@code body}, e.g. {@code sha256=3f2a…}. */
    public static String sign(String method, String secret, byte[] body) {
        String algorithm = algorithm(method);
        if (algorithm == null) throw new IllegalArgumentException("unsupported signature method: " + method);
        return method.toLowerCase(Locale.ROOT) + "=" + HexFormat.of().formatHex(hmac(algorithm, secret, body));
    }

    /**
     * True when {@code header} is a well-formed signature of {@code body} under {@code secret}. Compares in constant
     * time, so a forger learns nothing from how long a rejection takes.
     */
    public static boolean verify(@Nullable String header, String secret, byte[] body) {
        if (header == null || secret.isEmpty()) return false;
        int eq = header.indexOf('=');
        if (eq <= 0) return false;
        String algorithm = algorithm(header.substring(0, eq).strip());
        if (algorithm == null) return false;
        byte[] given;
        try {
            given = HexFormat.of().parseHex(header.substring(eq + 1).strip().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(given, hmac(algorithm, secret, body));
    }

    private static @Nullable String algorithm(String method) {
        return switch (method.toLowerCase(Locale.ROOT)) {
            case "sha1" -> "HmacSHA1";
            case "sha256" -> "HmacSHA256";
            case "sha384" -> "HmacSHA384";
            case "sha512" -> "HmacSHA512";
            default -> null;
        };
    }

    private static byte[] hmac(String algorithm, String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            // Every JDK ships these four; reaching here means a broken runtime, not bad input.
            throw new IllegalStateException("HMAC unavailable: " + algorithm, e);
        }
    }
}
