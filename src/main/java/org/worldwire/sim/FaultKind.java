package org.worldwire.sim;

/** How a faulty publisher misbehaves; {@link #NONE} for a healthy one. Each fault is permanent for its source. */
public enum FaultKind {
    NONE,
    /** Every feed request answers 500 Internal Server Error. */
    HTTP_500,
    /** Feed requests hang for {@link SimConfig#slowDelay()} before answering, longer than a sane client timeout. */
    TIMEOUT,
    /** The feed is cut off mid-document and carries an unescaped ampersand: not well-formed XML (or JSON). */
    MALFORMED,
    /**
     * Feed and article bytes are in a legacy charset (windows-1251 for Russian, windows-1256 for Arabic, GBK for
     * Chinese, windows-1252 otherwise) while the HTTP header and the document itself declare UTF-8.
     */
    WRONG_CHARSET,
    /** The feed is fine but every article page answers 404. */
    ARTICLE_404,
    /** Every feed request answers 429 Too Many Requests with {@code Retry-After: 120}. */
    RATE_LIMITED;

    /** The faults a faulty source may get, in the order they are dealt out. */
    static final FaultKind[] FAULTS = {HTTP_500, TIMEOUT, MALFORMED, WRONG_CHARSET, ARTICLE_404, RATE_LIMITED};
}
