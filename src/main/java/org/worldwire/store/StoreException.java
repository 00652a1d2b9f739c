package org.worldwire.store;

/** A store could not do what was asked: the disk is full, the file is not writable, the database is damaged. */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
