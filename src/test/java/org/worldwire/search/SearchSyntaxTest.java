package org.worldwire.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.worldwire.search.SearchSyntax.All;
import org.worldwire.search.SearchSyntax.Any;
import org.worldwire.search.SearchSyntax.Everything;
import org.worldwire.search.SearchSyntax.Not;
import org.worldwire.search.SearchSyntax.Phrase;
import org.worldwire.search.SearchSyntax.Word;

class SearchSyntaxTest {
    private static Word w(String t) {
        return new Word(t, false, false);
    }

    @Test
    void wordsAllMustMatch() {
        assertThat(SearchSyntax.parse("  flood   warning ")).isEqualTo(new All(List.of(w("flood"), w("warning"))));
        assertThat(SearchSyntax.parse("minister")).isEqualTo(w("minister"));
        assertThat(SearchSyntax.parse("   ")).isEqualTo(new Everything());
    }

    @Test
    void orBindsTighterThanTheImplicitAnd() {
        assertThat(SearchSyntax.parse("rain flood OR storm OR hail"))
                .isEqualTo(new All(List.of(w("rain"), new Any(List.of(w("flood"), w("storm"), w("hail"))))));
        // lower-case "or" is a word, and so is OR glued to letters
        assertThat(SearchSyntax.parse("rock or roll ORBIT"))
                .isEqualTo(new All(List.of(w("rock"), w("or"), w("roll"), w("ORBIT"))));
    }

    @Test
    void phrasesExclusionsGroupsFieldsAndPrefixes() {
        assertThat(SearchSyntax.parse("\"prime minister\" -sport -\"world cup\""))
                .isEqualTo(new All(List.of(new Phrase("prime minister", false), new Not(w("sport")),
                        new Not(new Phrase("world cup", false)))));
        assertThat(SearchSyntax.parse("(flood OR storm) title:ceasefire title:\"peace talks\" minist*"))
                .isEqualTo(new All(List.of(new Any(List.of(w("flood"), w("storm"))), new Word("ceasefire", true, false),
                        new Phrase("peace talks", true), new Word("minist", false, true))));
    }

    @Test
    void syntaxInsideWordsIsPartOfTheWord() {
        assertThat(SearchSyntax.parse("covid-19 AT&T 3:0"))
                .isEqualTo(new All(List.of(w("covid-19"), w("AT&T"), w("3:0"))));
    }

    @Test
    void errorsSayWhatAndWhere() {
        assertThatThrownBy(() -> SearchSyntax.parse("\"prime minister"))
                .isInstanceOf(SearchSyntaxException.class).hasMessageContaining("quote at 1 is never closed");
        assertThatThrownBy(() -> SearchSyntax.parse("flood (storm")).hasMessageContaining("'(' at 7 is never closed");
        assertThatThrownBy(() -> SearchSyntax.parse("flood)")).hasMessageContaining("')' at 6 closes no '('");
        assertThatThrownBy(() -> SearchSyntax.parse("OR flood")).hasMessageContaining("OR at 1 has nothing before it");
        assertThatThrownBy(() -> SearchSyntax.parse("flood OR")).hasMessageContaining("OR at 7 has nothing after it");
        assertThatThrownBy(() -> SearchSyntax.parse("flood - storm")).hasMessageContaining("'-' at 7 excludes nothing");
        assertThatThrownBy(() -> SearchSyntax.parse("a*")).hasMessageContaining("at least two letters");
        assertThatThrownBy(() -> SearchSyntax.parse("title: x")).hasMessageContaining("title: at 1 names no word");
        assertThatThrownBy(() -> SearchSyntax.parse("()")).hasMessageContaining("holds nothing");
        assertThat(((SearchSyntaxException) catchThrowable("x".repeat(501))).position()).isEqualTo(500);
    }

    private static Throwable catchThrowable(String q) {
        try {
            SearchSyntax.parse(q);
            return new AssertionError("no error");
        } catch (SearchSyntaxException e) {
            return e;
        }
    }
}
