package org.worldwire.web.admin;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.worldwire.store.SettingsStore;

/**
 * The admin password and the API token. Both are created at first start and only their hashes are stored;
 * a generated secret is shown once, in the log, and never again.
 */
public final class Credentials {
    private static final Logger log = LoggerFactory.getLogger(Credentials.class);
    static final String PASSWORD_KEY = "admin.password_hash";
    static final String TOKEN_KEY = "admin.api_token_hash";
    static final int MIN_PASSWORD_LENGTH = 12;

    private final SettingsStore settings;

    private Credentials(SettingsStore settings) {
        this.settings = settings;
    }

    /**
     * What first start created: the secrets to show once, null for those that existed already.
     */
    public record Created(@Nullable String generatedPassword, @Nullable String apiToken) {}

    /**
     * Loads the credentials, creating any that is missing.
     *
     * @param envPassword the operator's chosen password (from {@code WORLDWIRE_ADMIN_PASSWORD}); null to generate one
     * @throws IllegalArgumentException when the chosen password is shorter than 12 characters
     */
    public static Credentials init(SettingsStore settings, @Nullable String envPassword) {
        Credentials c = new Credentials(settings);
        Created created = c.createMissing(envPassword);
        if (created.generatedPassword() != null) {
            log.warn("admin password generated at first start (shown only this once; log in at /admin): {}",
                    created.generatedPassword());
        }
        if (created.apiToken() != null) {
            log.warn("API token generated at first start (shown only this once; send as 'Authorization: Bearer <token>'): {}",
                    created.apiToken());
        }
        return c;
    }

    /** For tests and the first-start path: creates what is missing and returns the secrets it made. */
    Created createMissing(@Nullable String envPassword) {
        String password = null;
        if (settings.get(PASSWORD_KEY).isEmpty()) {
            boolean chosen = envPassword != null && !envPassword.isBlank();
            if (chosen && envPassword.length() < MIN_PASSWORD_LENGTH) {
                throw new IllegalArgumentException("WORLDWIRE_ADMIN_PASSWORD must be at least " + MIN_PASSWORD_LENGTH
                        + " characters long");
            }
            String p = chosen ? envPassword : PasswordHash.randomSecret();
            // Another process may have raced us; whoever stored first wins and this one's secret is not shown.
            String hash = chosen ? PasswordHash.hash(p) : PasswordHash.hashGenerated(p);
            if (settings.putIfAbsent(PASSWORD_KEY, hash) && !chosen) password = p;
        }
        String token = null;
        if (settings.get(TOKEN_KEY).isEmpty()) {
            String t = PasswordHash.randomSecret();
            if (settings.putIfAbsent(TOKEN_KEY, PasswordHash.tokenHash(t))) token = t;
        }
        return new Created(password, token);
    }

    static Credentials over(SettingsStore settings) {
        return new Credentials(settings);
    }

    public boolean passwordMatches(String password) {
        Optional<String> stored = settings.get(PASSWORD_KEY);
        return stored.isPresent() && PasswordHash.verify(password, stored.get());
    }

    public boolean tokenMatches(String token) {
        Optional<String> stored = settings.get(TOKEN_KEY);
        return stored.isPresent() && PasswordHash.verifyToken(token, stored.get());
    }
}
