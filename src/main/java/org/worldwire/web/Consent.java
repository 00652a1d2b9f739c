package org.worldwire.web;

import org.jspecify.annotations.Nullable;

/**
 * The reader's advertising choice, read from the one first-party cookie and the {@code Sec-GPC} header.
 * Global Privacy Control counts as a rejection and wins over a stored acceptance.
 */
public enum Consent {
    /** No choice yet: the banner shows, nothing third-party loads, no cookie is set. */
    UNDECIDED,
    ACCEPTED,
    REJECTED,
    /** The browser sends {@code Sec-GPC: 1}: treated as a rejection, no banner needed. */
    REJECTED_BY_GPC;

    static final String ACCEPT_VALUE = "accept";
    static final String REJECT_VALUE = "reject";

    public static Consent of(@Nullable String cookieValue, @Nullable String secGpc) {
        if ("1".equals(secGpc == null ? null : secGpc.strip())) return REJECTED_BY_GPC;
        if (ACCEPT_VALUE.equals(cookieValue)) return ACCEPTED;
        if (REJECT_VALUE.equals(cookieValue)) return REJECTED;
        return UNDECIDED;
    }

    public boolean showBanner() {
        return this == UNDECIDED;
    }

    /** Third-party ad tags and publisher-hosted images load only after acceptance. */
    public boolean thirdPartyAllowed() {
        return this == ACCEPTED;
    }

    public boolean gpc() {
        return this == REJECTED_BY_GPC;
    }
}
