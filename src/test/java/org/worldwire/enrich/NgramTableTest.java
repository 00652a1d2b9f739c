package org.worldwire.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import com.optimaize.langdetect.DetectedLanguage;
import com.optimaize.langdetect.LanguageDetector;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import com.optimaize.langdetect.text.CommonTextObjectFactories;
import com.optimaize.langdetect.text.TextObjectFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The compact table scores exactly as the Optimaize detector it replaces, built as the identifier built it before:
 * every language and every probability, bit for bit, on news sentences in many languages cut at lengths on both
 * sides of the short-text limit (so both of Optimaize's algorithms are covered), and on noise.
 */
class NgramTableTest {
    /** A sentence or two of news per language: the languages of the world's news sources, and some neighbours. */
    static final List<String> TEXTS = List.of(
            "The government announced on Tuesday that it would raise the minimum wage next year, after months of protests by unions and a long debate in parliament about the cost of living.",
            "Le gouvernement a annoncé mardi une hausse du salaire minimum l'an prochain, après des mois de manifestations syndicales et un long débat au Parlement sur le coût de la vie.",
            "Die Bundesregierung hat am Dienstag angekündigt, den Mindestlohn im kommenden Jahr zu erhöhen, nachdem die Gewerkschaften monatelang protestiert hatten.",
            "El Gobierno anunció el martes que subirá el salario mínimo el próximo año, tras meses de protestas sindicales y un largo debate en el Congreso sobre el coste de la vida.",
            "O governo anunciou na terça-feira que vai aumentar o salário mínimo no próximo ano, depois de meses de protestos dos sindicatos e de um longo debate no parlamento.",
            "Il governo ha annunciato martedì che aumenterà il salario minimo il prossimo anno, dopo mesi di proteste dei sindacati e un lungo dibattito in parlamento sul costo della vita.",
            "De regering heeft dinsdag aangekondigd dat het minimumloon volgend jaar omhoog gaat, na maanden van protest door de vakbonden en een lang debat in de Tweede Kamer.",
            "Правительство во вторник объявило о повышении минимальной зарплаты в следующем году после нескольких месяцев протестов профсоюзов и долгих дебатов в парламенте.",
            "Уряд у вівторок оголосив про підвищення мінімальної зарплати наступного року після кількох місяців протестів профспілок і тривалих дебатів у парламенті.",
            "Правителството обяви във вторник, че ще увеличи минималната работна заплата догодина след месеци на протести на синдикатите.",
            "Влада је у уторак најавила повећање минималне зараде наредне године, након вишемесечних протеста синдиката и дуге расправе у скупштини.",
            "أعلنت الحكومة يوم الثلاثاء أنها سترفع الحد الأدنى للأجور العام المقبل، بعد أشهر من احتجاجات النقابات ونقاش طويل في البرلمان حول تكاليف المعيشة.",
            "دولت روز سه‌شنبه اعلام کرد که حداقل دستمزد را در سال آینده افزایش خواهد داد، پس از ماه‌ها اعتراض اتحادیه‌ها و بحثی طولانی در مجلس.",
            "حکومت نے منگل کو اعلان کیا کہ وہ اگلے سال کم از کم اجرت میں اضافہ کرے گی، مزدور یونینوں کے مہینوں کے احتجاج کے بعد۔",
            "Hükümet salı günü, sendikaların aylarca süren protestoları ve mecliste yapılan uzun bir tartışmanın ardından asgari ücreti gelecek yıl artıracağını açıkladı.",
            "Rząd ogłosił we wtorek, że w przyszłym roku podniesie płacę minimalną, po miesiącach protestów związków zawodowych i długiej debacie w Sejmie.",
            "Vláda v úterý oznámila, že příští rok zvýší minimální mzdu, po měsících protestů odborů a dlouhé debatě v parlamentu o životních nákladech.",
            "Vláda v utorok oznámila, že budúci rok zvýši minimálnu mzdu, po mesiacoch protestov odborov a dlhej diskusii v parlamente.",
            "A kormány kedden bejelentette, hogy jövőre emeli a minimálbért, miután a szakszervezetek hónapokig tiltakoztak, és a parlamentben hosszú vita zajlott.",
            "Guvernul a anunțat marți că va majora salariul minim de anul viitor, după luni de proteste ale sindicatelor și o dezbatere lungă în parlament.",
            "Regeringen meddelade på tisdagen att minimilönen ska höjas nästa år, efter månader av protester från fackförbunden och en lång debatt i riksdagen.",
            "Regjeringen kunngjorde tirsdag at minstelønnen skal økes neste år, etter måneder med protester fra fagforeningene og en lang debatt på Stortinget.",
            "Regeringen meddelte tirsdag, at mindstelønnen hæves næste år, efter måneders protester fra fagforeningerne og en lang debat i Folketinget.",
            "Hallitus ilmoitti tiistaina nostavansa vähimmäispalkkaa ensi vuonna, kun ammattiliitot olivat protestoineet kuukausia ja eduskunnassa oli käyty pitkä keskustelu.",
            "Valitsus teatas teisipäeval, et tõstab järgmisel aastal miinimumpalka pärast ametiühingute kuudepikkusi proteste ja pikka arutelu riigikogus.",
            "Vyriausybė antradienį paskelbė, kad kitais metais padidins minimalų atlyginimą, po kelis mėnesius trukusių profsąjungų protestų.",
            "Valdība otrdien paziņoja, ka nākamgad palielinās minimālo algu pēc vairākus mēnešus ilgušiem arodbiedrību protestiem un garām debatēm Saeimā.",
            "Η κυβέρνηση ανακοίνωσε την Τρίτη ότι θα αυξήσει τον κατώτατο μισθό τον επόμενο χρόνο, μετά από μήνες διαμαρτυριών των συνδικάτων.",
            "הממשלה הודיעה ביום שלישי כי תעלה את שכר המינימום בשנה הבאה, לאחר חודשים של מחאות של האיגודים ודיון ארוך בכנסת.",
            "सरकार ने मंगलवार को घोषणा की कि वह अगले साल न्यूनतम मजदूरी बढ़ाएगी, यूनियनों के महीनों के विरोध प्रदर्शन और संसद में लंबी बहस के बाद।",
            "সরকার মঙ্গলবার ঘোষণা করেছে যে আগামী বছর ন্যূনতম মজুরি বাড়ানো হবে, কয়েক মাস ধরে শ্রমিক ইউনিয়নের বিক্ষোভের পর।",
            "அடுத்த ஆண்டு குறைந்தபட்ச ஊதியம் உயர்த்தப்படும் என்று அரசு செவ்வாய்க்கிழமை அறிவித்தது.",
            "Pemerintah mengumumkan pada hari Selasa bahwa upah minimum akan dinaikkan tahun depan, setelah berbulan-bulan protes serikat buruh dan perdebatan panjang di parlemen.",
            "Chính phủ hôm thứ Ba thông báo sẽ tăng lương tối thiểu vào năm tới, sau nhiều tháng công đoàn biểu tình và một cuộc tranh luận dài tại quốc hội.",
            "Serikali ilitangaza Jumanne kwamba itaongeza kima cha chini cha mshahara mwaka ujao, baada ya miezi ya maandamano ya vyama vya wafanyakazi.",
            "Ang pamahalaan ay nag-anunsyo noong Martes na itataas ang minimum na sahod sa susunod na taon matapos ang ilang buwang protesta ng mga unyon.",
            "El Govern va anunciar dimarts que apujarà el salari mínim l'any vinent, després de mesos de protestes dels sindicats i un llarg debat al Parlament.",
            "Vlada je u utorak objavila da će sljedeće godine povećati minimalnu plaću, nakon višemjesečnih prosvjeda sindikata i duge rasprave u Saboru.",
            "Vlada je v torek napovedala, da bo prihodnje leto zvišala minimalno plačo, po več mesecih protestov sindikatov in dolgi razpravi v državnem zboru.",
            "Qeveria njoftoi të martën se do të rrisë pagën minimale vitin e ardhshëm, pas muajsh protestash të sindikatave.",
            "Ríkisstjórnin tilkynnti á þriðjudag að lágmarkslaun yrðu hækkuð á næsta ári eftir margra mánaða mótmæli stéttarfélaga.",
            "Kormányzati döntés: hétfőtől új szabályok lépnek életbe a fővárosi közlekedésben.",
            "政府周二宣布，在工会数月的抗议和议会的长期辩论之后，明年将提高最低工资。",
            "政府は火曜日、労働組合による数か月の抗議と国会での長い議論を経て、来年最低賃金を引き上げると発表した。",
            "정부는 화요일 노조의 수개월에 걸친 시위와 국회의 긴 논쟁 끝에 내년 최저임금을 인상하겠다고 발표했다.",
            "รัฐบาลประกาศเมื่อวันอังคารว่าจะขึ้นค่าแรงขั้นต่ำในปีหน้า หลังจากสหภาพแรงงานประท้วงมาหลายเดือน",
            "Breaking: 3 dead, 12 hurt in M4 crash near Junction 15 — police",
            "NASA, ESA sign Artemis deal; launch set for 2026",
            "Covid-19: WHO says cases up 20% in EU, US",
            "iPhone 16 Pro review",
            "Zelensky meets Macron, Scholz in Paris",
            "12:45 GMT+1 | 2024-03-05 | ID 88213",
            "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor",
            "Ok",
            "");

    private static NgramTable table;
    private static LanguageDetector optimaize;
    private static final TextObjectFactory TEXT = CommonTextObjectFactories.forDetectingShortCleanText();

    @BeforeAll
    static void load() throws Exception {
        table = LanguageIdentifier.profiles();
        // The detector as LanguageIdentifier built it before the table, the reference to match.
        Set<String> shadowing = Set.of("gl", "ast", "an", "oc", "wa", "br");
        var profiles = new LanguageProfileReader().readAllBuiltIn().stream()
                .filter(p -> !shadowing.contains(p.getLocale().getLanguage()))
                .toList();
        optimaize = LanguageDetectorBuilder.create(NgramExtractors.standard())
                .withProfiles(profiles).shortTextAlgorithm(100).minimalConfidence(0.5).build();
    }

    @Test
    void scoresEveryTextExactlyAsOptimaizeDoes() {
        int compared = 0, long_ = 0;
        for (String text : TEXTS) {
            for (int cut : new int[] {8, 20, 40, 70, 100, 101, 140, 200, 600}) {
                String sample = text.substring(0, Math.min(cut, text.length()));
                CharSequence t = TEXT.forText(sample);
                assertThat(render(table.probabilities(t))).as("%s", sample).isEqualTo(renderOptimaize(optimaize.getProbabilities(t)));
                compared++;
                if (t.length() > 100) long_++;
            }
        }
        assertThat(compared).isGreaterThan(400);
        assertThat(long_).as("texts scored by sampling").isGreaterThan(60);
    }

    @Test
    void tellsTheLanguagesOfTheNewsSentences() {
        var wrong = new ArrayList<String>();
        String[] expected = {"en", "fr", "de", "es", "pt", "it", "nl", "ru", "uk", "bg", "sr", "ar", "fa", "ur", "tr", "pl",
                "cs", "sk", "hu", "ro", "sv", "no", "da", "fi", "et", "lt", "lv", "el", "he", "hi", "bn", "ta", "id", "vi", "sw",
                "tl", "ca", "hr", "sl", "sq", "is"};
        for (int i = 0; i < expected.length; i++) {
            var found = table.probabilities(TEXT.forText(TEXTS.get(i)));
            String best = found.isEmpty() ? "none" : found.getFirst().language();
            if (!best.equals(expected[i])) wrong.add(expected[i] + "→" + best);
        }
        assertThat(wrong).isEmpty();
    }

    /**
     * The promise the identifier's shortcut rests on: when the first sampling settles on a language, all seven give it
     * at least 0.1 and no other language 0.9, so a declared language that settles is what seven trials would keep.
     * Every language is tried as the declared one, so neighbours (Spanish for Portuguese, Czech for Slovak) are asked too.
     */
    @Test
    void aLanguageTheFirstSamplingSettlesKeepsATenthOfAllSeven() {
        int settled = 0, refused = 0;
        for (String text : TEXTS) {
            CharSequence t = TEXT.forText(text.substring(0, Math.min(600, text.length())));
            var found = table.probabilities(t);
            for (String language : table.languages()) {
                if (!table.firstTrialSettles(t, language)) {
                    refused++;
                    continue;
                }
                settled++;
                assertThat(found).as("%s as %s", text, language)
                        .anySatisfy(s -> assertThat(s.language()).isEqualTo(language))
                        .allSatisfy(s -> {
                            if (s.language().equals(language)) assertThat(s.probability()).isGreaterThanOrEqualTo(0.1);
                            else assertThat(s.probability()).isLessThan(0.9);
                        });
            }
        }
        assertThat(settled).as("texts settled by their first sampling").isGreaterThan(TEXTS.size() / 2);
        assertThat(refused).isGreaterThan(settled);
        assertThat(table.firstTrialSettles(TEXT.forText("Short text, scored whole"), "en")).isFalse();
        assertThat(table.firstTrialSettles(TEXT.forText(TEXTS.getFirst()), "xx")).isFalse();
    }

    @Test
    void isMuchSmallerThanADoubleArrayPerNgram() {
        long perNgramArrays = (long) table.ngrams() * (16 + 8 * 65);
        assertThat(table.ngrams()).isGreaterThan(50_000);
        assertThat(table.bytes()).isLessThan(perNgramArrays / 5);
    }

    @Test
    void cutsTextsIntoTheNgramsOfOptimaizesStandardExtractorInItsOrder() {
        var texts = new ArrayList<>(TEXTS);
        texts.addAll(List.of(" leading space", "trailing space ", " both ", " ", "  ", "a", "a b  c", "\u00a0nbsp x"));
        for (String text : texts) {
            CharSequence t = TEXT.forText(text);
            long[] packed = new long[3 * (t.length() + 2)];
            int n = NgramTable.grams(t, packed);
            List<Long> expected = NgramExtractors.standard().extractGrams(t).stream().map(NgramTable::pack).toList();
            List<Long> actual = java.util.Arrays.stream(packed, 0, n).boxed().toList();
            assertThat(actual).as("%s", text).isEqualTo(expected);
            // the raw text too, which the text factory may have trimmed of its spaces
            packed = new long[3 * (text.length() + 2)];
            n = NgramTable.grams(text, packed);
            expected = NgramExtractors.standard().extractGrams(text).stream().map(NgramTable::pack).toList();
            assertThat(java.util.Arrays.stream(packed, 0, n).boxed().toList()).as("%s", text).isEqualTo(expected);
        }
    }

    @Test
    void packsOnlyOneToThreeChars() {
        assertThat(NgramTable.pack("")).isZero();
        assertThat(NgramTable.pack("abcd")).isZero();
        assertThat(NgramTable.pack("a")).isNotEqualTo(NgramTable.pack("a\0"));
        assertThat(NgramTable.pack(" a ")).isNotZero();
    }

    private static List<String> render(List<NgramTable.Score> scores) {
        return scores.stream().map(s -> s.language() + "=" + rounded(s.probability())).toList();
    }

    private static List<String> renderOptimaize(List<DetectedLanguage> found) {
        return found.stream().map(d -> primary(d.getLocale().getLanguage()) + "=" + rounded(d.getProbability())).toList();
    }

    /**
     * Nine decimals: the table skips multiplying the languages that lack an n-gram by the common weight (the same
     * distribution once normalised), so the last bits of a probability may differ from Optimaize's, nothing more.
     */
    private static String rounded(double p) {
        return String.format(Locale.ROOT, "%.9f", p);
    }

    private static String primary(String language) {
        String t = language.toLowerCase(Locale.ROOT);
        return switch (t) {
            case "iw" -> "he";
            case "in" -> "id";
            case "ji" -> "yi";
            default -> t;
        };
    }
}
