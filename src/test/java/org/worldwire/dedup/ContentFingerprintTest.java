package org.worldwire.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContentFingerprintTest {
    static final String TITLE = "Flooding forces thousands from their homes along the river delta";
    static final String TEXT = """
            Heavy rain that began on Friday has pushed the river over its banks in at least a dozen districts,
            forcing thousands of families to leave their homes, officials said on Sunday. Rescue teams in boats
            moved through flooded streets in the provincial capital, where water reached the first floor of many
            buildings. The national weather service warned that more rain was expected over the next three days
            and urged residents of low-lying villages to move to higher ground. Schools have been closed and
            turned into shelters, and the army has been sent to help distribute food and drinking water. The
            governor said the damage to roads and bridges was still being assessed, but that the harvest in the
            region's rice fields was likely to be badly affected. Aid agencies said they were preparing to send
            supplies, and appealed for donations to help families who had lost everything. Local hospitals
            reported a rise in cases of waterborne illness and asked for additional medical staff. In the
            capital, the prime minister promised emergency funds and said a full investigation would examine
            whether the dams upstream had been managed correctly in the weeks before the storm. Residents said
            warnings had come too late for many to save their belongings, and some criticised the slow response
            of the authorities in the first hours of the flood. Electricity was cut across much of the delta as
            a precaution, and mobile networks were struggling to cope with the volume of calls.
            """;
    static final String OTHER_TEXT = """
            The central bank kept its main interest rate unchanged on Thursday, saying inflation had eased more
            slowly than expected and that it wanted to see further evidence before cutting borrowing costs.
            Policymakers voted seven to two to hold the rate, with the two dissenters favouring a quarter-point
            reduction. The bank's governor told reporters that wage growth remained strong and that services
            prices were still rising at a pace inconsistent with the target. Markets had largely expected the
            decision, and the currency rose slightly against the dollar after the announcement. Economists said
            the first cut was now likely to come in the autumn, although some warned that a weakening labour
            market could force the bank to act sooner. Business groups urged the bank to move quickly, saying
            high borrowing costs were holding back investment, while consumer groups pointed to the strain on
            households with variable-rate mortgages. The bank also published new forecasts showing slower growth
            next year and a gradual return of inflation to its target by the end of the following year.
            """;

    @Test
    void sameWordsGiveEqualFingerprints() {
        assertThat(ContentFingerprint.of(TITLE, TEXT)).isEqualTo(ContentFingerprint.of(TITLE, TEXT));
    }

    @Test
    void exactHashIgnoresCasePunctuationAndWhitespace() {
        // Feeds and pages of one article differ in markup, smart quotes and line breaks, not in words.
        var a = ContentFingerprint.of("Hello, World!", "One  two\nthree — four.");
        var b = ContentFingerprint.of("hello world", "one two three four");
        assertThat(a.exactHash()).isEqualTo(b.exactHash());
        assertThat(a.simhash()).isEqualTo(b.simhash());
    }

    @Test
    void exactHashSeesWordOrderAndTitleBoundary() {
        var a = ContentFingerprint.of("", "one two three four");
        assertThat(ContentFingerprint.of("", "two one three four").exactHash()).isNotEqualTo(a.exactHash());
        assertThat(ContentFingerprint.of("one", "two three four").exactHash()).isNotEqualTo(a.exactHash());
    }

    @Test
    void aFewEditedWordsStayWithinTheDefaultDistance() {
        // The typical agency-copy edit: a corrected figure and a changed verb in a 300-word story.
        String edited = TEXT.replace("at least a dozen districts", "at least 14 districts").replace("urged", "told");
        var a = ContentFingerprint.of(TITLE, TEXT);
        var b = ContentFingerprint.of(TITLE, edited);
        assertThat(a.exactHash()).isNotEqualTo(b.exactHash());
        assertThat(a.distanceTo(b)).isLessThanOrEqualTo(ContentFingerprint.DEFAULT_MAX_DISTANCE);
        assertThat(ContentFingerprint.nearDuplicate(a, b)).isTrue();
    }

    @Test
    void aNewHeadlineOnTheSameStoryIsStillANearDuplicate() {
        var a = ContentFingerprint.of(TITLE, TEXT);
        var b = ContentFingerprint.of("Thousands flee as river floods delta", TEXT);
        assertThat(ContentFingerprint.nearDuplicate(a, b)).isTrue();
    }

    @Test
    void differentStoriesAreFarApart() {
        var a = ContentFingerprint.of(TITLE, TEXT);
        var b = ContentFingerprint.of("Central bank holds rates", OTHER_TEXT);
        // Unrelated texts differ in about half of the 64 bits; 12 leaves a wide margin.
        assertThat(a.distanceTo(b)).isGreaterThan(12);
        assertThat(ContentFingerprint.nearDuplicate(a, b)).isFalse();
    }

    @Test
    void shortTextsMatchOnlyExactly() {
        var a = ContentFingerprint.of("Minister resigns", "");
        var b = ContentFingerprint.of("Minister resigns", "");
        var c = ContentFingerprint.of("Minister stays", "");
        assertThat(a.shingles()).isLessThan(ContentFingerprint.MIN_SHINGLES);
        assertThat(ContentFingerprint.nearDuplicate(a, b)).isTrue();
        // Even at distance 0 a two-word text is not trusted: its SimHash is just its one shingle's hash.
        assertThat(ContentFingerprint.nearDuplicate(a, c, 64)).isFalse();
    }

    @Test
    void emptyTextsAreNotDuplicatesOfEachOther() {
        var empty = ContentFingerprint.of("", "  ... ");
        assertThat(empty.shingles()).isZero();
        assertThat(ContentFingerprint.nearDuplicate(empty, ContentFingerprint.of("", ""))).isFalse();
    }

    @Test
    void unspacedScriptsAreShingledByCharacter() {
        String zh = "国家气象局周日表示，未来三天该地区将继续出现强降雨，河流水位可能进一步上涨，"
                + "当局已疏散数千名居民，并在学校设立临时安置点，军队也已被派往灾区协助救援工作。";
        var a = ContentFingerprint.of("", zh);
        assertThat(a.shingles()).isGreaterThan(50);
        var b = ContentFingerprint.of("", zh.replace("数千名", "五千名"));
        assertThat(ContentFingerprint.nearDuplicate(a, b)).isTrue();
        var other = ContentFingerprint.of("", "中央银行周四宣布维持基准利率不变，称通胀回落速度慢于预期，需要更多证据才会降低借贷成本。"
                + "市场普遍预期这一决定，本币兑美元小幅上涨，经济学家认为首次降息可能在秋季到来。");
        assertThat(ContentFingerprint.nearDuplicate(a, other)).isFalse();
    }

    @Test
    void hammingCountsDifferingBits() {
        assertThat(ContentFingerprint.hamming(0L, -1L)).isEqualTo(64);
        assertThat(ContentFingerprint.hamming(0b1011L, 0b0001L)).isEqualTo(2);
        assertThat(ContentFingerprint.hamming(42L, 42L)).isZero();
    }
}
