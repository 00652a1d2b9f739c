package org.worldwire.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SiteFurnitureTest {
    private static final String BOX = "Tritt unserem Forum bei und rede mit: über die neuesten Missionen, den Nachthimmel und mehr!";

    /** The paragraphs of the site's n-th article: two of its own and the box the site puts under every one. */
    private static List<String> page(int n) {
        // the words differ, not only the figures, which the fingerprint reads as one
        return List.of("The article " + word(n) + " opens with its own first sentence, which no other page of the site has.",
                "Its second paragraph, " + word(n) + ", is its own too, and so is the rest of the article.", BOX);
    }

    /** n written in letters: "b", "c", ... "ba", "bb" */
    private static String word(int n) {
        return Integer.toString(n, 26).chars().mapToObj(c -> String.valueOf((char) ('a' + Character.digit(c, 26))))
                .reduce("", String::concat);
    }

    @Test
    void aShortParagraphTheSiteRepeatsOnPageAfterPageIsDroppedFromTheNext() {
        var furniture = new SiteFurniture(16, 64);
        for (int n = 1; n <= SiteFurniture.PAGES; n++) {
            assertThat(furniture.filter("news.example", "https://news.example/a/" + n, page(n))).as("page " + n).contains(BOX);
        }
        List<String> next = furniture.filter("news.example", "https://news.example/a/9", page(9));
        assertThat(next).doesNotContain(BOX).containsExactlyElementsOf(page(9).subList(0, 2));
        // the case and the figures may change from page to page; it is the same box
        List<String> changed = furniture.filter("news.example", "https://news.example/a/10",
                List.of("A page of its own, the tenth.", BOX.toUpperCase()));
        assertThat(changed).containsExactly("A page of its own, the tenth.");
        assertThat(SiteFurniture.fingerprint("© 2024 The Paper, all rights reserved"))
                .isEqualTo(SiteFurniture.fingerprint("© 2025 The Paper, all rights reserved"));
    }

    @Test
    void anotherHostTheSamePageFetchedAgainAndLongParagraphsDoNotCount() {
        var furniture = new SiteFurniture(16, 64);
        for (int n = 1; n <= SiteFurniture.PAGES; n++) furniture.filter("news.example", "https://news.example/a/" + n, page(n));
        assertThat(furniture.filter("other.example", "https://other.example/x", page(1))).contains(BOX);

        var refetched = new SiteFurniture(16, 64);
        for (int n = 1; n <= 10; n++) refetched.filter("news.example", "https://news.example/live", page(n));
        assertThat(refetched.filter("news.example", "https://news.example/live", page(11))).contains(BOX);

        // the background paragraph a follow-up story repeats is long: text, however often it comes back
        String background = "The attack, the worst in the capital in years, came as parliament, next door, debated a new "
                + "security law; the museum, which holds one of the largest collections of Roman mosaics in the world, "
                + "had only reopened in the spring after a renovation that took three years and cost the city dearly.";
        assertThat(background.length()).isGreaterThan(SiteFurniture.MAX_CHARS);
        var longOnes = new SiteFurniture(16, 64);
        for (int n = 1; n <= 10; n++) {
            List<String> kept = longOnes.filter("news.example", "https://news.example/b/" + n, List.of("Update " + word(n) + ".", background));
            assertThat(kept).contains(background);
        }
    }

    @Test
    void aPageMadeOnlyOfRepeatsKeepsItsParagraphs() {
        var furniture = new SiteFurniture(16, 64);
        List<String> notice = List.of("The office is closed today.", "Call the front desk for help.");
        for (int n = 1; n <= 8; n++) {
            assertThat(furniture.filter("town.example", "https://town.example/n/" + n, notice)).isEqualTo(notice);
        }
    }

    @Test
    void memoryIsBoundedInHostsAndInFingerprintsPerHost() {
        var furniture = new SiteFurniture(4, 16);
        for (int h = 0; h < 10; h++) furniture.filter("h" + h + ".example", "https://h" + h + ".example/", page(h));
        assertThat(furniture.hosts()).isEqualTo(4);

        // thousands of one-off paragraphs fill the table again and again; the repeated box survives each clearing
        var busy = new SiteFurniture(4, 16);
        for (int n = 1; n <= 2_000; n++) busy.filter("news.example", "https://news.example/a/" + n, page(n));
        assertThat(busy.filter("news.example", "https://news.example/a/new", page(2_001))).doesNotContain(BOX);

        assertThatThrownBy(() -> new SiteFurniture(4, 12)).isInstanceOf(IllegalArgumentException.class);
    }
}
