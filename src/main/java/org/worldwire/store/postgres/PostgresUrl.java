package org.worldwire.store.postgres;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Where a PostgreSQL database is, as the operator writes it: {@code postgres://user:password@host:5432/db?opts}
 * (the form most tools print) or the driver's own {@code jdbc:postgresql://host/db?user=…}.
 *
 * <p>Public for tools that copy rows in bulk ({@code worldwire migrate}); everything else goes through
 * {@link PostgresStore}.
 *
 * @param jdbcUrl the driver's URL, without the credentials
 * @param user null when the URL names none (the driver then reads {@code user=} from the URL or defaults)
 */
public record PostgresUrl(String jdbcUrl, @Nullable String user, @Nullable String password) {
    private static final String JDBC = "jdbc:postgresql:";

    /** Reads the URL; a malformed one is an {@link IllegalArgumentException} naming what is wrong, never echoing a password. */
    public static PostgresUrl parse(String url) {
        String u = url.strip();
        if (u.startsWith(JDBC)) return new PostgresUrl(u, null, null);
        if (!u.startsWith("postgres://") && !u.startsWith("postgresql://")) {
            throw new IllegalArgumentException("a PostgreSQL URL starts with postgres:// or jdbc:postgresql://, not "
                    + redact(u));
        }
        URI uri;
        try {
            uri = new URI(u);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a valid PostgreSQL URL (" + e.getReason() + "): " + redact(u), e);
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) throw new IllegalArgumentException("the PostgreSQL URL names no host: " + redact(u));
        String path = uri.getRawPath();
        if (path == null || path.length() <= 1 || path.indexOf('/', 1) >= 0) {
            throw new IllegalArgumentException("the PostgreSQL URL names no database (…/DBNAME): " + redact(u));
        }
        StringBuilder jdbc = new StringBuilder("jdbc:postgresql://").append(host);
        if (uri.getPort() != -1) jdbc.append(':').append(uri.getPort());
        jdbc.append(path);
        if (uri.getRawQuery() != null) jdbc.append('?').append(uri.getRawQuery());
        String user = null, password = null;
        String info = uri.getRawUserInfo();
        if (info != null && !info.isEmpty()) {
            int colon = info.indexOf(':');
            user = decode(colon < 0 ? info : info.substring(0, colon));
            if (colon >= 0) password = decode(info.substring(colon + 1));
        }
        return new PostgresUrl(jdbc.toString(), user, password);
    }

    /** The URL with any password replaced, for messages and logs. */
    public static String redact(String url) {
        return url.replaceAll("(://[^:/@]*:)[^@/]*@", "$1***@").replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return redact(jdbcUrl) + (user == null ? "" : " as " + user);
    }
}
