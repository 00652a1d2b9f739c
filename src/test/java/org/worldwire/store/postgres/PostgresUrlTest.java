package org.worldwire.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PostgresUrlTest {
    @Test
    void aPostgresUrlBecomesTheDriversUrlWithTheCredentialsApart() {
        PostgresUrl u = PostgresUrl.parse("postgres://news:p%40ss:w@db.internal:6432/worldwire?sslmode=require");
        assertThat(u.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6432/worldwire?sslmode=require");
        assertThat(u.user()).isEqualTo("news");
        assertThat(u.password()).isEqualTo("p@ss:w");
        assertThat(u.toString()).doesNotContain("p@ss");
    }

    @Test
    void theDriversOwnUrlPassesThroughAndThePortMayBeLeftOut() {
        assertThat(PostgresUrl.parse("jdbc:postgresql://127.0.0.1/ww?user=a").jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1/ww?user=a");
        PostgresUrl u = PostgresUrl.parse("postgresql://127.0.0.1/ww");
        assertThat(u.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1/ww");
        assertThat(u.user()).isNull();
    }

    @Test
    void aMalformedUrlSaysWhatIsMissingWithoutRepeatingThePassword() {
        assertThatThrownBy(() -> PostgresUrl.parse("mysql://u:secret@h/db")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("postgres://").hasMessageNotContaining("secret");
        assertThatThrownBy(() -> PostgresUrl.parse("postgres://u:secret@h:5432")).hasMessageContaining("no database")
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> PostgresUrl.parse("postgres:///db")).hasMessageContaining("no host");
        assertThat(PostgresUrl.redact("jdbc:postgresql://h/db?user=a&password=secret&ssl=true")).doesNotContain("secret").endsWith("&ssl=true");
    }
}
