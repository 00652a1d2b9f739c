package org.worldwire.web.admin;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashes as {@code pbkdf2-sha256$iterations$salt$hash} (base64): PBKDF2-HMAC-SHA256 with a random
 * 16-byte salt and 600 000 iterations (OWASP's 2023 figure), compared in constant time. The iteration count is
 * stored with each hash so it can be raised later without locking anyone out.
 */
final class PasswordHash {
    static final int ITERATIONS = 600_000;
    private static final String PREFIX = "pbkdf2-sha256";

    /** In a holder: a server's start touches this class, and seeding a SecureRandom there is needless work before the port opens. */
    private static final class Random {
        static final SecureRandom INSTANCE = new SecureRandom();
    }

    private PasswordHash() {}

    /** Iterations for a secret we generated ourselves. */
    static final int GENERATED_ITERATIONS = 1_000;

    static String hash(String password) {
        return hash(password, ITERATIONS);
    }

    /**
     * A password we generated has 256 random bits, beyond any guessing however fast the hash, so stretching it adds
     * nothing; the 600 000 iterations that protect a chosen password cost seconds of a first start on a small machine.
     */
    static String hashGenerated(String secret) {
        return hash(secret, GENERATED_ITERATIONS);
    }

    private static String hash(String password, int iterations) {
        byte[] salt = new byte[16];
        Random.INSTANCE.nextBytes(salt);
        return encode(iterations, salt, derive(password, salt, iterations));
    }

    /** False for a wrong password and for a stored value that is not a hash this class wrote. */
    static boolean verify(String password, String stored) {
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !parts[0].equals(PREFIX)) return false;
        int iterations;
        byte[] salt;
        byte[] expected;
        try {
            iterations = Integer.parseInt(parts[1]);
            salt = Base64.getDecoder().decode(parts[2]);
            expected = Base64.getDecoder().decode(parts[3]);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (iterations < 1 || iterations > 10_000_000 || expected.length == 0) return false;
        return MessageDigest.isEqual(derive(password, salt, iterations), expected);
    }

    private static String encode(int iterations, byte[] salt, byte[] hash) {
        Base64.Encoder b64 = Base64.getEncoder();
        return PREFIX + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no PBKDF2WithHmacSHA256", e);
        } finally {
            spec.clearPassword();
        }
    }

    /**
     * API tokens are 256 random bits, beyond any guessing, so one SHA-256 is enough and keeps every API call
     * cheap; a slow hash would only let a flood of bad tokens burn the CPU.
     */
    static String tokenHash(String token) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return "sha256$" + Base64.getEncoder().encodeToString(d);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    static boolean verifyToken(String token, String stored) {
        return MessageDigest.isEqual(tokenHash(token).getBytes(StandardCharsets.US_ASCII),
                stored.getBytes(StandardCharsets.US_ASCII));
    }

    /** 256 random bits, URL-safe base64 without padding. */
    static String randomSecret() {
        byte[] b = new byte[32];
        Random.INSTANCE.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
