package org.worldwire.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.worldwire.model.ArticleContent;

class ArticleExtractorTest {

    static String fixture(String name) {
        try (InputStream in = ArticleExtractorTest.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing fixture " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void keepsTheWholeBodyWithHeadingsAndListItemsAsParagraphs() {
        ArticleContent a = ArticleExtractor.extract(fixture("news-jsonld.html").getBytes(StandardCharsets.UTF_8),
                "https://news.example/2024/03/bridge-reopens?utm=x", null);
        assertThat(a.paragraphs()).containsExactly(
                "The harbour bridge reopened to traffic on Tuesday morning, six months after engineers closed it because of corroded cables, and commuters said the wait had been long.",
                "City officials said the repairs, which replaced all forty-eight suspension cables, came in under budget, and that the bridge should need no major work for another thirty years.",
                "What changed",
                "Engineers added sensors to every cable, so that strain, temperature and vibration are now measured around the clock and any fault is reported at once.",
                "Forty-eight new cables, each tested to twice its working load.",
                "A wider footpath on the seaward side, with new lighting.",
                "“It feels like getting a piece of the city back,” said Maria Lopes, who cycles across the bridge every day, adding that the detour had cost her forty minutes.");
    }

    @Test
    void dropsCookieBannerShareBarAdvertisementNewsletterRelatedLinksCommentsAndCaptions() {
        String text = ArticleExtractor.extract(fixture("news-jsonld.html").getBytes(StandardCharsets.UTF_8), null, null).text();
        assertThat(text).doesNotContain("cookies", "Share on", "Advertisement", "Sign up", "Related", "Ferry service",
                "Great news", "The bridge at dawn", "All rights reserved", "Home");
    }

    @Test
    void readsMetadataFromJsonLdBeforeOpenGraph() {
        ArticleContent a = ArticleExtractor.extract(fixture("news-jsonld.html").getBytes(StandardCharsets.UTF_8),
                "https://news.example/2024/03/bridge-reopens", null);
        assertThat(a.title()).isEqualTo("Harbour bridge reopens after repairs");
        assertThat(a.authors()).containsExactly("Ana Silva", "Tom Berg");
        assertThat(a.published()).isEqualTo(Instant.parse("2024-03-05T07:30:00Z"));
        assertThat(a.modified()).isEqualTo(Instant.parse("2024-03-05T09:00:00Z"));
        assertThat(a.leadImage()).isEqualTo("https://news.example/images/bridge-large.jpg");
        assertThat(a.siteName()).isEqualTo("The Daily Example");
        assertThat(a.description()).isEqualTo("The bridge closed for six months is open again.");
        assertThat(a.canonicalUrl()).isEqualTo("https://news.example/2024/03/bridge-reopens");
        assertThat(a.language()).isEqualTo("en-GB");
    }

    @Test
    void keepsThePublishersOffsetForTheCalendarDate() {
        Extraction x = ArticleExtractor.extractDetailed(fixture("japanese.html").getBytes(StandardCharsets.UTF_8), null, null);
        assertThat(x.published()).isNotNull();
        assertThat(x.published().toString()).startsWith("2024-04-01T06:00+09:00");
        assertThat(x.content().published()).isEqualTo(Instant.parse("2024-03-31T21:00:00Z"));
    }

    @Test
    void decodesCyrillicDeclaredInMetaAsWindows1251() {
        byte[] bytes = fixture("russian.html").getBytes(Charset.forName("windows-1251"));
        ArticleContent a = ArticleExtractor.extract(bytes, null, null);
        assertThat(a.title()).isEqualTo("Москва готовится к зиме");
        assertThat(a.authors()).containsExactly("Иван Петров");
        assertThat(a.paragraphs()).hasSize(3);
        assertThat(a.paragraphs().get(0)).startsWith("Городские службы Москвы начали подготовку");
        assertThat(a.text()).doesNotContain("Главная", "права защищены");
        assertThat(a.language()).isEqualTo("ru");
    }

    @Test
    void guessesCyrillicWhenNothingIsDeclared() {
        String html = fixture("russian.html").replace("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">", "");
        for (String cs : new String[] {"windows-1251", "KOI8-R"}) {
            ArticleContent a = ArticleExtractor.extract(html.getBytes(Charset.forName(cs)), null, null);
            assertThat(a.paragraphs()).as(cs).isNotEmpty();
            assertThat(a.paragraphs().get(0)).as(cs).startsWith("Городские службы Москвы");
        }
    }

    @Test
    void guessesArabicAndLeavesRightToLeftTextUntouched() {
        String html = fixture("arabic.html");
        ArticleContent a = ArticleExtractor.extract(html.getBytes(Charset.forName("windows-1256")), null, null);
        assertThat(a.paragraphs()).hasSize(3);
        assertThat(a.paragraphs().get(0)).isEqualTo(
                "افتتحت البلدية يوم الأحد مكتبة عامة جديدة في وسط المدينة، تضم أكثر من مئة ألف كتاب باللغتين العربية والإنجليزية، وقاعات للقراءة والدراسة.");
        assertThat(a.text()).doesNotContain("الرئيسية");
    }

    @Test
    void httpCharsetWinsOverTheGuess() {
        byte[] bytes = fixture("japanese.html").getBytes(Charset.forName("Shift_JIS"));
        ArticleContent a = ArticleExtractor.extract(bytes, null, "text/html; charset=Shift_JIS");
        assertThat(a.title()).isEqualTo("新しい駅が開業");
        assertThat(a.paragraphs()).hasSize(3);
        assertThat(a.paragraphs().get(2)).contains("通勤がずっと楽になる");
        assertThat(a.text()).doesNotContain("シェア", "トップ");
    }

    @Test
    void decodesShiftJisWithTheWindowsTableAsBrowsersDo() {
        // 0x815C is U+2015 (horizontal bar) in the WHATWG Shift_JIS decoder; Java's strict table says U+2014.
        byte[] bytes = "<html><head><meta charset=\"Shift_JIS\"></head><body><p>金沢―敦賀間が開業した。新しい路線は、北陸と関西を結ぶ。</p></body></html>"
                .getBytes(Charset.forName("windows-31j"));
        assertThat(Charsets.decode(bytes, null, null)).contains("金沢―敦賀間");
        assertThat(Charsets.decode(bytes, "text/html; charset=shift_jis", null)).contains("金沢―敦賀間");
    }

    @Test
    void guessesShiftJisWithoutAnyDeclaration() {
        byte[] bytes = fixture("japanese.html").getBytes(Charset.forName("Shift_JIS"));
        ArticleContent a = ArticleExtractor.extract(bytes, null, null);
        assertThat(a.paragraphs()).isNotEmpty();
        assertThat(a.paragraphs().get(0)).startsWith("市の北部に新しい駅が一日、開業した。");
    }

    @Test
    void decodesGreekAndTurkishFromTheirLegacyCharsets() {
        String greek = """
                <html lang="el"><head><title>Ειδήσεις</title></head><body><div class="article-body">
                <p>Η κυβέρνηση ανακοίνωσε σήμερα νέα μέτρα για τη στήριξη των νοικοκυριών, τα οποία θα ισχύσουν από τον επόμενο μήνα.</p>
                <p>Σύμφωνα με το υπουργείο, τα μέτρα αφορούν κυρίως το κόστος της ενέργειας και των τροφίμων για τις οικογένειες.</p>
                </div></body></html>""";
        ArticleContent g = ArticleExtractor.extract(greek.getBytes(Charset.forName("windows-1253")), null, null);
        assertThat(g.paragraphs()).first().asString().startsWith("Η κυβέρνηση ανακοίνωσε σήμερα");

        String turkish = """
                <html lang="tr"><head><meta charset="iso-8859-9"><title>Haber</title></head><body><div class="entry-content">
                <p>İstanbul'da yağışlı hava etkisini sürdürüyor, meteoroloji uyarısının ardından şehirde ulaşım güçlükle sağlanıyor.</p>
                <p>Yetkililer, vatandaşların zorunlu olmadıkça dışarı çıkmamalarını ve toplu taşımayı kullanmalarını önerdi.</p>
                </div></body></html>""";
        ArticleContent t = ArticleExtractor.extract(turkish.getBytes(Charset.forName("windows-1254")), null, null);
        assertThat(t.paragraphs()).first().asString().startsWith("İstanbul'da yağışlı hava etkisini sürdürüyor");
    }

    @Test
    void splitsBreakSeparatedTextInOldTableLayouts() {
        ArticleContent a = ArticleExtractor.extract(fixture("old-table-layout.html").getBytes(StandardCharsets.UTF_8), null, null);
        assertThat(a.paragraphs()).contains(
                "The annual village fair drew a record crowd on Saturday, with organisers counting more than twelve thousand visitors over the day, despite the rain in the afternoon.",
                "The organisers said the money raised, more than eight thousand pounds, would go to the village hall roof and to the primary school library.");
        assertThat(a.text()).doesNotContain("Weather", "Archive");
        assertThat(a.title()).isEqualTo("Village fair draws record crowd");
    }

    @Test
    void neverThrowsOnBrokenInput() {
        byte[][] inputs = {
            new byte[0],
            "<<<>>><p".getBytes(StandardCharsets.UTF_8),
            {(byte) 0xff, (byte) 0xfe, 0, 0, (byte) 0xc3},
            "<html><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"x\", [[[</script>".getBytes(StandardCharsets.UTF_8),
            "<div>".repeat(20_000).getBytes(StandardCharsets.UTF_8),
        };
        for (byte[] in : inputs) {
            ArticleContent a = ArticleExtractor.extract(in, "not a url", "text/html; charset=bogus-charset");
            assertThat(a).isNotNull();
            assertThat(a.paragraphs()).isNotNull();
        }
    }
}
