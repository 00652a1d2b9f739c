package org.worldwire.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PackedKeysTest {
    @Test
    void findsEveryKeyByItsNumberAndNothingElse() {
        var keys = new ArrayList<String>(List.of("paris", "москва", "القاهرة", "東京", "new york", "", "a"));
        for (int i = 0; i < 20_000; i++) keys.add("town " + i);
        var packed = new PackedKeys(keys);
        assertThat(packed.size()).isEqualTo(keys.size());
        for (int i = 0; i < keys.size(); i++) {
            assertThat(packed.indexOf(keys.get(i))).isEqualTo(i);
            assertThat(packed.key(i)).isEqualTo(keys.get(i));
        }
        for (String absent : List.of("pari", "parisx", "town 20000", "москв", "b", "Paris"))
            assertThat(packed.indexOf(absent)).as(absent).isEqualTo(-1);
        assertThat(packed.bytes()).isLessThan(20_000L * 40); // a HashMap would spend ~90 bytes a key over the chars
    }

    @Test
    void anEmptySetFindsNothing() {
        assertThat(new PackedKeys(List.of()).indexOf("x")).isEqualTo(-1);
    }

    @Test
    void refusesTheSameKeyTwice() {
        assertThatThrownBy(() -> new PackedKeys(List.of("rome", "rome"))).isInstanceOf(IllegalArgumentException.class);
    }
}
