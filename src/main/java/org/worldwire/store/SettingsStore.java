package org.worldwire.store;

import java.util.Optional;

/** Small named values the application keeps with its data (credential hashes, operator choices). Thread-safe. */
public interface SettingsStore {
    Optional<String> get(String key);

    /** Sets a value, replacing any earlier one. */
    void put(String key, String value);

    /**
     * Sets a value only when the key has none yet, so two processes starting at once agree on one.
     *
     * @return true when this call set it
     */
    boolean putIfAbsent(String key, String value);
}
