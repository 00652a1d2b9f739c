package org.worldwire.search;

/**
 * A query that does not follow {@link SearchSyntax}, or a cursor that no search of this query handed out. The message
 * says what is wrong and where, for the reader: the web page shows it and the API answers it with status 400.
 */
public final class SearchSyntaxException extends IllegalArgumentException {
    private final int position;

    /** @param position the character of the query where the problem is, or -1 when it is not a place in the text */
    public SearchSyntaxException(String message, int position) {
        super(message);
        this.position = position;
    }

    public int position() {
        return position;
    }
}
