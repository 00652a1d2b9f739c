package org.worldwire.web.admin;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Admin sessions held in memory: a random 256-bit id in the cookie, a per-session CSRF token, an absolute
 * expiry. A restart logs everyone out, which is fine for one operator.
 */
final class Sessions {
    private static final int MAX_SESSIONS = 1_000;

    record Session(String id, String csrf, long expiresAt) {
        boolean csrfMatches(@Nullable String token) {
            return token != null && MessageDigest.isEqual(csrf.getBytes(StandardCharsets.UTF_8),
                    token.getBytes(StandardCharsets.UTF_8));
        }
    }

    private final ConcurrentHashMap<String, Session> sessions = new ConcurrentHashMap<>();
    private final Duration lifetime;
    private final InstantSource clock;

    Sessions(Duration lifetime, InstantSource clock) {
        this.lifetime = lifetime;
        this.clock = clock;
    }

    Session create() {
        long now = clock.millis();
        sessions.values().removeIf(s -> s.expiresAt() <= now);
        if (sessions.size() >= MAX_SESSIONS) {
            sessions.values().stream().min(java.util.Comparator.comparingLong(Session::expiresAt))
                    .ifPresent(oldest -> sessions.remove(oldest.id()));
        }
        Session s = new Session(PasswordHash.randomSecret(), PasswordHash.randomSecret(), now + lifetime.toMillis());
        sessions.put(s.id(), s);
        return s;
    }

    Optional<Session> find(@Nullable String id) {
        if (id == null || id.isEmpty()) return Optional.empty();
        Session s = sessions.get(id);
        if (s == null) return Optional.empty();
        if (s.expiresAt() <= clock.millis()) {
            sessions.remove(id);
            return Optional.empty();
        }
        return Optional.of(s);
    }

    void remove(String id) {
        sessions.remove(id);
    }

    long lifetimeSeconds() {
        return lifetime.toSeconds();
    }
}
