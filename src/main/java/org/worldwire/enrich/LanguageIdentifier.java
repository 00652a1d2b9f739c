package org.worldwire.enrich;

import com.optimaize.langdetect.i18n.LdLocale;
import com.optimaize.langdetect.profiles.BuiltInLanguages;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import com.optimaize.langdetect.text.CommonTextObjectFactories;
import com.optimaize.langdetect.text.TextObjectFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Tells the language of a text with the Optimaize n-gram detector (71 languages, bundled profiles, packaged by
 * Apache Tika), its profiles held in the compact {@link NgramTable} (about 6 MB instead of Optimaize's 60). Scripts that belong to one language (Hangul, kana, Greek, Hebrew...) are settled before it;
 * the source's declared language only breaks near-ties. Thread-safe once built.
 */
public final class LanguageIdentifier {
    private static volatile @Nullable LanguageIdentifier shared;
    /** Enough text for the detector; more only costs time. */
    private static final int MAX_CHARS = 600;

    private static final java.util.Set<String> SHADOWING = java.util.Set.of("gl", "ast", "an", "oc", "wa", "br");

    private final NgramTable detector;
    private final TextObjectFactory texts;

    private LanguageIdentifier(NgramTable detector, TextObjectFactory texts) {
        this.detector = detector;
        this.texts = texts;
    }

    /** The bundled profiles, read once per process. */
    public static LanguageIdentifier load() {
        LanguageIdentifier l = shared;
        if (l == null) {
            synchronized (LanguageIdentifier.class) {
                l = shared;
                if (l == null) shared = l = build();
            }
        }
        return l;
    }

    private static LanguageIdentifier build() {
        try {
            // Regional languages that share most n-grams with a big neighbour (Galician/Portuguese, Asturian and
            // Aragonese/Spanish, Occitan/Catalan, Walloon/French, Breton) steal its short headlines; news in them
            // is rare, so they are left out. 65 languages remain. Each profile is read, copied into the table and
            // dropped before the next, so loading never holds all of them.
            return new LanguageIdentifier(profiles(), CommonTextObjectFactories.forDetectingShortCleanText());
        } catch (IOException e) {
            throw new UncheckedIOException("enrich: cannot read the bundled language profiles", e);
        }
    }

    /** The bundled profiles but the shadowing ones, scored on texts of up to 100 chars all at once. */
    static NgramTable profiles() throws IOException {
        var reader = new LanguageProfileReader();
        NgramTable.Profiles profiles = each -> {
            for (LdLocale locale : BuiltInLanguages.getLanguages())
                if (!SHADOWING.contains(locale.getLanguage())) each.accept(reader.readBuiltIn(locale));
        };
        return NgramTable.build(profiles, 100, p -> primary(p.getLocale().getLanguage()));
    }

    /**
     * @param prior the language the source declares (any BCP 47 tag), trusted only when the text agrees or says little
     * @return an ISO 639-1 code ("en", "zh"), or null when the text is too short or unclear and there is no prior
     */
    public @Nullable String identify(String text, @Nullable String prior) {
        String declared = prior == null || prior.isBlank() ? null : primary(prior);
        String sample = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        String byScript = byScript(sample);
        if (byScript != null) return byScript;
        int letters = 0;
        for (int i = 0; i < sample.length() && letters < 3; i++) if (Character.isLetter(sample.charAt(i))) letters++;
        if (letters < 3) return declared;
        CharSequence clean = texts.forText(sample);
        // Most sources say their language and are right: one sampling that agrees settles it, with the answer all seven
        // would give (see firstTrialSettles). Seven samplings per article were a tenth of ingest's CPU.
        if (declared != null && detector.firstTrialSettles(clean, declared)) return declared;
        List<NgramTable.Score> found = detector.probabilities(clean);
        if (found.isEmpty()) return declared;
        String best = found.getFirst().language();
        double p = found.getFirst().probability();
        if (declared != null && !declared.equals(best) && p < 0.9) {
            for (NgramTable.Score d : found)
                if (d.language().equals(declared) && d.probability() >= 0.1) return declared;
        }
        return best;
    }

    private static String primary(String tag) {
        String t = tag.toLowerCase(Locale.ROOT);
        int dash = t.indexOf('-') >= 0 ? t.indexOf('-') : t.indexOf('_');
        t = dash > 0 ? t.substring(0, dash) : t;
        return switch (t) {
            case "iw" -> "he";
            case "in" -> "id";
            case "ji" -> "yi";
            default -> t;
        };
    }

    /** Languages a script alone tells; the detector confuses them on short texts. */
    private static @Nullable String byScript(String s) {
        int han = 0, kana = 0, hangul = 0, greek = 0, hebrew = 0, thai = 0, georgian = 0, armenian = 0, letters = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isLetter(cp)) continue;
            letters++;
            switch (Character.UnicodeScript.of(cp)) {
                case HAN -> han++;
                case HIRAGANA, KATAKANA -> kana++;
                case HANGUL -> hangul++;
                case GREEK -> greek++;
                case HEBREW -> hebrew++;
                case THAI -> thai++;
                case GEORGIAN -> georgian++;
                case ARMENIAN -> armenian++;
                default -> {}
            }
        }
        if (letters == 0) return null;
        if (kana * 10 >= letters) return "ja";
        if (hangul * 2 >= letters) return "ko";
        if (han * 2 >= letters) return "zh";
        if (greek * 2 >= letters) return "el";
        if (hebrew * 2 >= letters) return "he";
        if (thai * 2 >= letters) return "th";
        if (georgian * 2 >= letters) return "ka";
        if (armenian * 2 >= letters) return "hy";
        return null;
    }
}
