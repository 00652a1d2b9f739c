package org.worldwire.app;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What one process does. On one machine it does everything ({@link #ALL}); scaled out, each process takes one part
 * and they meet in the shared store, the Kafka topics and the search cluster.
 */
public enum Role {
    /** Polls, works and serves: the embedded default. */
    ALL,
    /** Runs the schedule and the feed polls, submits the entries found; one at a time holds the lease, others stand by. */
    POLLER,
    /** Turns submitted entries into stored, indexed, announced articles; any number share the work. */
    WORKER,
    /** Serves the site, the API and the live stream from the shared store and search; any number. */
    WEB;

    public boolean polls() {
        return this == ALL || this == POLLER;
    }

    public boolean works() {
        return this == ALL || this == WORKER;
    }

    public boolean serves() {
        return this == ALL || this == WEB;
    }

    /** The name as written on the command line: {@code all}, {@code poller}, {@code worker}, {@code web}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads a role as the operator writes it.
     *
     * @throws IllegalArgumentException naming the valid roles, for anything else
     */
    public static Role parse(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        for (Role r : values()) if (r.key().equals(v)) return r;
        throw new IllegalArgumentException("role must be one of " + names() + ", was '" + value.strip() + "'");
    }

    static String names() {
        return Arrays.stream(values()).map(Role::key).collect(Collectors.joining("|"));
    }
}
