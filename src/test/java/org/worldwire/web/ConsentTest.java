package org.worldwire.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConsentTest {
    @Test
    void globalPrivacyControlWinsOverAStoredAcceptance() {
        assertThat(Consent.of("accept", "1")).isEqualTo(Consent.REJECTED_BY_GPC);
        assertThat(Consent.of("accept", "1").thirdPartyAllowed()).isFalse();
        assertThat(Consent.of("accept", "1").showBanner()).isFalse();
    }

    @Test
    void noCookieMeansUndecidedAndUnknownValuesToo() {
        assertThat(Consent.of(null, null)).isEqualTo(Consent.UNDECIDED);
        assertThat(Consent.of("yes please", "0")).isEqualTo(Consent.UNDECIDED);
        assertThat(Consent.of("accept", null).thirdPartyAllowed()).isTrue();
        assertThat(Consent.of("reject", null).thirdPartyAllowed()).isFalse();
    }

    @Test
    void weakEtagsMatchListsAndStars() {
        Rendered r = Rendered.of("body", "text/plain");
        assertThat(r.matches(r.etag())).isTrue();
        assertThat(r.matches("\"x\", " + r.etag().substring(2))).isTrue();
        assertThat(r.matches("*")).isTrue();
        assertThat(r.matches("W/\"other\"")).isFalse();
    }
}
