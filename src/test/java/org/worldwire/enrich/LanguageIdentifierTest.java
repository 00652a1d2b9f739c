package org.worldwire.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class LanguageIdentifierTest {
    private final LanguageIdentifier id = LanguageIdentifier.load();

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "en|The president met with leaders of the opposition on Tuesday",
        "fr|Le gouvernement a annoncé de nouvelles mesures pour les écoles",
        "de|Die Regierung hat neue Maßnahmen für die Schulen angekündigt",
        "es|El gobierno anunció nuevas medidas para las escuelas del país",
        "pt|O governo anunciou novas medidas para as escolas do país",
        "it|Il governo ha annunciato nuove misure per le scuole del paese",
        "nl|De regering heeft nieuwe maatregelen voor de scholen aangekondigd",
        "ru|Правительство объявило о новых мерах для школ страны",
        "uk|Уряд оголосив про нові заходи для шкіл країни",
        "ar|أعلنت الحكومة عن إجراءات جديدة للمدارس في البلاد",
        "tr|Hükümet ülkedeki okullar için yeni önlemler açıkladı",
        "zh|政府宣布了针对全国学校的新措施",
        "ja|政府は全国の学校に対する新しい措置を発表した",
        "ko|정부는 전국 학교에 대한 새로운 조치를 발표했다",
        "pl|Rząd ogłosił nowe środki dla szkół w całym kraju",
        "sv|Regeringen har meddelat nya åtgärder för skolorna i landet",
        "el|Η κυβέρνηση ανακοίνωσε νέα μέτρα για τα σχολεία της χώρας",
        "he|הממשלה הודיעה על צעדים חדשים לבתי הספר במדינה",
        "hi|सरकार ने देश के स्कूलों के लिए नए उपायों की घोषणा की",
        "fa|دولت اقدامات جدیدی را برای مدارس کشور اعلام کرد",
        "id|Pemerintah mengumumkan langkah baru untuk sekolah di seluruh negeri",
    })
    void identifiesShortHeadlines(String expected, String text) {
        assertThat(id.identify(text, null)).isEqualTo(expected);
    }

    @Test
    void fallsBackOnTheDeclaredLanguageWhenTheTextSaysNothing() {
        assertThat(id.identify("", "fr-CA")).isEqualTo("fr");
        assertThat(id.identify("12 34", null)).isNull();
    }

    @Test
    void theTextOutweighsAWrongPrior() {
        assertThat(id.identify("Die Regierung hat neue Maßnahmen für die Schulen angekündigt", "en")).isEqualTo("de");
    }
}
