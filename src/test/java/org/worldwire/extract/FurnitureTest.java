package org.worldwire.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FurnitureTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Advertisement|0",
        "Story continues below advertisement|0",
        "READ MORE: Storm batters the coast as thousands lose power|0.9",
        "CLICK HERE TO GET THE NEWS APP|1",
        "Sign up for our daily newsletter and get the news in your inbox.|0",
        "Follow us on Twitter and Facebook for more updates.|0",
        "By Jane Writer - 11/18/19 11:04 PM EST|0",
        "Tags: storms, weather, coast|0.8",
        // ad labels with dashes on both sides, in any of the listed languages
        "- Publicidad -|0",
        // "label: linked headline" in languages the word lists do not cover
        "Lesen Sie auch: Regensburg sperrt die Steinerne Brücke für Fußgänger|0.75",
        "Читайте также: Ремонт Коммунального моста продлится до осени|0.7",
        "関連記事：敦賀駅前に新しいホテルが六月に開業へ|0.75",
        // a forum signature under its drawn rule
        "__________________ Пасека 40 семей, карпатка и бакфаст.|0",
    })
    void dropsFurnitureParagraphs(String text, double linkShare) {
        assertThat(Furniture.isFurniture(text, linkShare)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // a sentence that mentions signing up is article prose, not a call to action
        "The company continued to sign up additional subscribers despite the outage.|0",
        "Get it on Amazon for $39.99|1",
        "The meeting on November 5, 2019 ended without agreement.|0",
        "What changed|0",
        // one-word field labels with a link belong to the text they annotate
        "Account: @kitchen_ghosts|1",
        "Link to the museum website – https://museum.example/tickets|0.8",
    })
    void keepsArticleParagraphs(String text, double linkShare) {
        assertThat(Furniture.isFurniture(text, linkShare)).isFalse();
    }
}
