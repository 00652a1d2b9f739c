package org.worldwire.websub;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HubSignatureTest {
    private static final byte[] BODY = "<feed/>".getBytes(StandardCharsets.UTF_8);

    @Test
    void matchesAKnownHmacSha1() {
        // RFC 2202 test case 2: key "Jefe", data "what do ya want for nothing?".
        byte[] data = "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII);
        assertThat(HubSignature.sign("sha1", "Jefe", data)).isEqualTo("sha1=effcdf6ae5eb2fa2d27416d5f184df9c259a7c79");
        assertThat(HubSignature.verify("sha1=effcdf6ae5eb2fa2d27416d5f184df9c259a7c79", "Jefe", data)).isTrue();
    }

    @Test
    void verifiesEverySupportedMethod() {
        for (String m : new String[] {"sha1", "sha256", "sha384", "sha512"}) {
            assertThat(HubSignature.verify(HubSignature.sign(m, "s3cret", BODY), "s3cret", BODY)).as(m).isTrue();
        }
    }

    @Test
    void rejectsTamperedBodiesWrongSecretsAndMalformedHeaders() {
        String sig = HubSignature.sign("sha256", "s3cret", BODY);
        assertThat(HubSignature.verify(sig, "other", BODY)).isFalse();
        assertThat(HubSignature.verify(sig, "s3cret", "<feed></feed>".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(HubSignature.verify(null, "s3cret", BODY)).isFalse();
        assertThat(HubSignature.verify("md5=abcd", "s3cret", BODY)).isFalse();
        assertThat(HubSignature.verify("sha256=not-hex", "s3cret", BODY)).isFalse();
        assertThat(HubSignature.verify("sha256", "s3cret", BODY)).isFalse();
    }
}
