package org.worldwire.search;

/**
 * The search engine cannot answer now: a remote one (OpenSearch) is unreachable, timed out or overloaded. Nothing is
 * wrong with the query. Callers show "search is unavailable" (the API answers 503) and go on serving everything else;
 * a later call may succeed once the engine is back. An adapter throws it within its configured timeouts, never
 * blocking for longer.
 */
public final class SearchUnavailableException extends RuntimeException {
    public SearchUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
