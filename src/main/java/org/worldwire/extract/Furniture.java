package org.worldwire.extract;

import java.util.regex.Pattern;

/**
 * Paragraph-level tests for text that sits inside article containers but is not the article: calls to action
 * (subscribe, follow us, get the app), promoted links ("READ MORE: ..."), date and byline lines, tag lists, ad
 * markers. The rules look at wording shape and link share only, never at a site.
 */
final class Furniture {
    /** Whole-paragraph markers: ad labels, "continue reading", section labels of teaser lists. */
    static final Pattern MARKER = Pattern.compile(
            "(?iu)^[\\s\\p{Punct}]*(advertisement|advertising|advert|anzeige|werbung|publicité|publicidad|pubblicità|publicidade|"
                    + "реклама|إعلان|广告|廣告|広告|iklan|reklam|"
                    + "story continues below( advertisement)?|article continues below( advertisement)?|continue reading( the main story)?|"
                    + "continue reading below|scroll to continue with content|skip advertisement|read more|related|"
                    + "related (articles|stories|coverage|posts|content|links)|see also|more|share this( article| story| post)?|share|tweet|"
                    + "sign up|subscribe|subscribe now|click here|loading|photo|image|video|watch|listen|"
                    + "supported by|sponsored|sponsored content|ad|ads|close|back to top|print|email|comments?|"
                    + "you may (also )?like|you might (also )?like|you may also be interested in|"
                    + "você (também )?(pode|poderá) gostar|(también )?te (puede|podría) (gustar|interesar)|vous aimerez (aussi|peut-être)|"
                    + "(das|dies) (könnte|dürfte) (sie|dich) auch interessieren|potrebbe (interessarti|piacerti)|ti potrebbe interessare|"
                    + "misschien ook interessant|może cię zainteresować|вам может (быть интересно|понравиться)|"
                    + "recommended( for you)?|more (stories|news|from .{1,40})|"
                    + "don'?t miss|also read|read also|most (read|popular)|trending( now)?|top rated comments|"
                    + "comments are closed|leave a (comment|reply)|post comment.*|highlights|"
                    + "image \\d+ (of|/) \\d+|\\d+ (of|/) \\d+|(photos?|fotos?|bild|bilder|image|credit|cr[ée]dits? photo|crédito|quelle) ?: .{1,60}|"
                    + "((top|lead|main|header) )?(photo|image|illustration|picture)s? (by|courtesy( of)?|credit) .{1,60}|"
                    // a forum's box of who is reading
                    + "who is online|wer ist online|qui est en ligne|quién está en línea|chi c'è in linea|"
                    // a footer's or a share bar's links, alone on their line: legal pages, networks (not "Cookies",
                    // "Contact" or "Home" alone: a recipe's or a manual's section may be called that)
                    + "impressum|datenschutz|datenschutzerklärung|agb|startseite|mentions légales|"
                    + "aviso legal|privacy policy|terms of use|terms of service|cookie settings|contact us|"
                    + "facebook|twitter|whatsapp|e-mail|instagram|linkedin|xing|pinterest|telegram|reddit|flipboard|"
                    // blogging widgets' like, loading and related-posts labels as their non-English sites print them
                    + "like this|like loading|gefällt mir|gefällt mir wird geladen|wird geladen|teilen mit|ähnliche (beiträge|artikel)|"
                    + "verwandte (beiträge|artikel)|j'aime|j'aime chargement|chargement|articles similaires|me gusta|cargando|"
                    + "entradas relacionadas|artículos relacionados|mi piace|caricamento|articoli correlati|curtir|carregando|"
                    + "posts relacionados|"
                    // the same labels in the languages of most of the web: share, print and comment bars, "read more"
                    + "teilen|artikel teilen|drucken|versenden|kommentare|kommentieren|weiterlesen|mehr lesen|mehr zum thema|"
                    + "zum thema|auch interessant|das könnte sie auch interessieren|empfehlungen|nach oben|zur startseite|"
                    + "partager|imprimer|commentaires?|lire la suite|lire aussi|à lire aussi|voir aussi|sur le même sujet|"
                    + "compartir|imprimir|comentarios?|leer más|lee también|ver también|te puede interesar|"
                    + "condividi|stampa|commenti|leggi anche|leggi di più|potrebbe interessarti|"
                    + "compartilhe|compartilhar|comentários|leia também|leia mais|veja também|saiba mais|"
                    + "delen|reacties|lees ook|lees meer|udostępnij|komentarze|czytaj (też|także|więcej)|zobacz (też|także)|"
                    + "dela|kommentarer|läs också|läs mer|del|læs også|les også|paylaş|yorumlar|devamını oku|"
                    + "поделиться|комментарии|подробнее|читайте также|смотрите также|читайте також|"
                    + "شارك|تعليقات|اقرأ أيضا|اقرأ أيضاً|관련 기사|関連記事|相关阅读|延伸阅读|相关新闻|相關新聞|延伸閱讀)[\\s\\p{Punct}…–—]*$");

    /** A paragraph that is a teaser link with a label in front ("READ MORE: Headline"). */
    private static final Pattern PROMO_PREFIX = Pattern.compile(
            "(?iu)^[\\s(\\[]*(read more|more|related|see more|see also|also read|read also|also|don'?t miss|watch|listen|"
                    + "recommended|leggi anche|lees ook|lire aussi|lesen sie auch|mehr zum thema|читайте также|اقرأ أيضا|"
                    + "click here|more on this|more from|lesen sie (auch|mehr)|auch interessant|zum thema|weiterlesen|"
                    + "lire la suite|à lire aussi|voir aussi|lee también|leer más|ver también|te puede interesar|leggi di più|"
                    + "leia (também|mais)|veja também|saiba mais|lees (ook|meer)|czytaj (też|także|więcej)|zobacz (też|także)|"
                    + "läs också|læs også|les også|смотрите также|читайте (ещё|еще|також)|관련 기사)(?![\\p{L}\\p{N}]).{0,300}$");

    /** Invitations that close many articles: subscribe, newsletters, follow on social networks, apps. */
    static final Pattern CALL_TO_ACTION = Pattern.compile(
            "(?iu)(^[\\s\\p{Punct}]*(sign up|subscribe|click here|follow (us|@\\w+|\\w+( \\w+)? on|\\w+( \\w+)?(?=\\s*:))|download (the|our)|get (the|our) .{0,30}\\bapp\\b|"
                    + "like us on|join us on|abonnieren|inscreva-se|suscr[íi]bete|iscriviti)\\b|"
                    + "\\b(sign up|subscribe) (for|to|now|here|today)\\b.{0,60}\\b(newsletter|inbox|updates|channel)|"
                    + "\\bfollow us on\\b|\\b(delivered|straight) (to|through|into) your (inbox|letterbox|door)|\\bin your inbox\\b|"
                    + "\\bis committed to publishing\\b|\\bcontributed to this report\\b|\\bshare (it|this) with (a|your) friend|"
                    // the same invitations in other languages, wherever they stand in the line
                    + "(?<!\\p{L})(folgen sie uns|newsletter abonnieren|jetzt abonnieren|abonnez-vous|inscrivez-vous|suivez-nous|"
                    + "síguenos|seguici su|siga-nos|volg ons|obserwuj nas|подпишитесь)(?!\\p{L})|"
                    // how to reach the writer or the newsroom: an author's box, not the story
                    + "\\b(may|can) be (reached|contacted) at\\b|\\bhave a (news )?tip\\b|\\bsend (us )?your tips?\\b|"
                    + "schreiben sie (uns|der redaktion|dem autor)|contactez la rédaction|escríbenos a\\b)");

    /**
     * A word that each of {@link #CALL_TO_ACTION}'s branches contains, so a paragraph without any of them cannot match.
     * Searching the pattern from every position of every short paragraph was about 5 % of ingest's CPU.
     */
    private static final String[] CALL_TO_ACTION_WORDS = {"sign up", "subscri", "click here", "follow", "download", "get ",
            "like us on", "join us on", "abonnieren", "inscreva-se", "suscr", "iscriviti", "your", "committed",
            "contributed", "share", "folgen sie uns", "abonnez", "inscrivez", "suivez-nous", "síguenos", "seguici",
            "siga-nos", "volg ons", "obserwuj", "подпишитесь", "be reached", "be contacted", "have a ", "schreiben sie",
            "contactez", "escríbenos"};

    /** Short lines that are only a date, time or byline ("By A. Writer - 11/18/19 11:04 PM"). */
    private static final Pattern DATE_LINE = Pattern.compile(
            "(?iu)(\\b(19|20)\\d{2}\\b|\\b\\d{1,2}:\\d{2}\\b|\\b\\d{1,2}/\\d{1,2}/\\d{2,4}\\b)");
    private static final Pattern DATE_WORDS = Pattern.compile(
            "(?iu)^(by\\b|posted\\b|published\\b|updated\\b|first published\\b|last updated\\b|modified\\b|"
                    + "(mon|tues|wednes|thurs|fri|satur|sun)day\\b|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.? \\d|"
                    + "\\d{1,2}[./ -]|segunda|terça|quarta|quinta|sexta|sábado|domingo|lunes|martes|miércoles|jueves|viernes|"
                    + "montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|"
                    // a forum post's header line: "Post by name » Sat Feb 10, 2024 7:14 pm", "Beitrag von name » 10.02.2024"
                    + "(post|posted|reply|answer|beitrag|antwort|message|mensaje|messaggio|bericht) (by|von|par|por|da|door)\\b|"
                    // "by" and "published" in other languages: "Von A. Autorin · 03.06.2024", "Publié le 3 juin 2024";
                    // "by" only before a name, as "Door to door" and "Di più" open sentences too
                    + "(von|par|por|di|door|av|af|przez)\\s+(?-i:\\p{Lu})|stand:|"
                    + "(veröffentlicht|aktualisiert|publié|mis à jour|publicado|"
                    + "actualizado|pubblicato|aggiornato|gepubliceerd|opublikowano|publicerad|опубликовано|обновлено)(?!\\p{L}))");
    /**
     * A byline and nothing else: "By" in one of the web's main languages, then one to four capitalised names joined
     * by commas or "and" ("By Jane Writer", "Von Max Muster und Erika Beispiel"), with no sentence after it.
     */
    private static final Pattern BYLINE = Pattern.compile(
            "(?u)^(?i:by|von|par|por|di|door|av|af|przez)\\s+(\\p{Lu}[\\p{L}.'’-]*\\s*){1,4}"
                    + "((,|&|(?i:and|und|et|y|e|en|og|och|i))\\s*(\\p{Lu}[\\p{L}.'’-]*\\s*){1,4}){0,3}$");
    /** A word that each branch of {@link #COPYRIGHT} contains, so that a paragraph without any of them cannot match. */
    private static final String[] COPYRIGHT_WORDS = {"©", "(c)", "copyright", "rights reserved", "rechte vorbehalten",
            "droits réservés", "derechos reservados", "diritti riservati", "direitos reservados", "rechten voorbehouden",
            "prawa zastrzeżone", "права защищены", "الحقوق محفوظة", "版权所有", "版權所有"};
    /** A copyright or imprint line: the sign or word at its start, or the reserved-rights formula of its language. */
    private static final Pattern COPYRIGHT = Pattern.compile(
            "(?iu)^[\\s\\p{Punct}]*(©|\\(c\\)\\s*\\d{4}|copyright\\s*(©|\\(c\\)|\\d{4}))|"
                    // the formula closes the line; a sentence that quotes it goes on
                    + "(all rights reserved|alle rechte vorbehalten|"
                    + "tous droits réservés|todos los derechos reservados|tutti i diritti riservati|todos os direitos reservados|"
                    + "alle rechten voorbehouden|wszelkie prawa zastrzeżone|все права защищены|جميع الحقوق محفوظة|版权所有|版權所有)"
                    + "[\\s\\p{Punct}…–—]*$");
    private static final Pattern TAG_LINE = Pattern.compile("(?iu)^(tags?|tagged|filed under|categories|category|topics|schlagwörter|etiquetas|темы|теги)\\s*[:|]?\\s.{0,400}$");

    private Furniture() {}

    /** Returns true for a paragraph to drop. {@code linkShare} is the share of its text inside links. */
    static boolean isFurniture(String p, double linkShare) {
        int len = p.length();
        if (len < 80 && MARKER.matcher(p).matches()) return true;
        if (linkShare >= 0.5 && len < 320 && PROMO_PREFIX.matcher(p).matches()) return true;
        if (linkShare >= 0.9 && len < 200 && isUpperCase(p)) return true;
        if (linkShare >= 0.6 && len < 320 && isLabelledLink(p, linkShare)) return true;
        String folded = len < 300 ? fold(p) : null;
        if (len < 250 && mayCallToAction(folded) && CALL_TO_ACTION.matcher(p).find()) return true;
        if (len < 400 && startsWithRule(p)) return true;
        if (len < 90 && DATE_LINE.matcher(p).find() && DATE_WORDS.matcher(p).find() && !p.endsWith(".") ) return true;
        if (len < 400 && TAG_LINE.matcher(p).matches() && (linkShare >= 0.3 || p.indexOf(',') > 0)) return true;
        if (len < 80 && BYLINE.matcher(p).matches()) return true;
        if (len < 300 && mayBeCopyright(folded) && COPYRIGHT.matcher(p).find()) return true;
        return false;
    }

    /**
     * {@code p}'s letters as the patterns' {@code (?iu)} compares them (upper-cased, then lower-cased: the long s is an
     * s, the Kelvin sign a k), so that a plain search for a pattern's words finds what the pattern could.
     */
    static String fold(String p) {
        char[] folded = new char[p.length()];
        for (int i = 0; i < folded.length; i++) folded[i] = Character.toLowerCase(Character.toUpperCase(p.charAt(i)));
        return new String(folded);
    }

    /** Whether a {@link #fold folded} paragraph holds one of {@link #CALL_TO_ACTION_WORDS}. */
    static boolean mayCallToAction(String folded) {
        for (String w : CALL_TO_ACTION_WORDS) if (folded.contains(w)) return true;
        return false;
    }

    /** Whether a {@link #fold folded} paragraph holds a word of each branch of {@link #COPYRIGHT}. */
    static boolean mayBeCopyright(String folded) {
        for (String w : COPYRIGHT_WORDS) if (folded.contains(w)) return true;
        return false;
    }

    /** A label that announces a list of teasers: what follows, if it is links, is not the article. */
    static boolean opensTeaserList(String p) {
        return p.length() < 80 && MARKER.matcher(p).matches();
    }

    /**
     * "Label: linked headline" in any language ("Lesen Sie auch: …", "اقرأ أيضاً: …"): a short lead ending in a
     * colon, and the rest of the line a link. An article sentence is rarely mostly link text after a colon.
     */
    private static boolean isLabelledLink(String p, double linkShare) {
        int colon = -1;
        for (int i = 0; i < Math.min(p.length(), 40); i++) {
            char c = p.charAt(i);
            if (c == ':' || c == '：') {
                colon = i;
                break;
            }
        }
        if (colon < 2 || colon + 1 >= p.length() || !Character.isWhitespace(p.charAt(colon + 1)) && p.charAt(colon) == ':') {
            return false;
        }
        // A label of words ("Read also", "Lesen Sie auch"), or one run of CJK script; one Latin or Cyrillic word
        // followed by a link is more often a field ("Source: …", "Account: @…") that belongs to the text.
        String label = p.substring(0, colon).strip();
        if (label.indexOf(' ') < 0 && !Character.isIdeographic(label.codePointAt(0))
                && Character.UnicodeScript.of(label.codePointAt(0)) != Character.UnicodeScript.HIRAGANA
                && Character.UnicodeScript.of(label.codePointAt(0)) != Character.UnicodeScript.KATAKANA) {
            return false;
        }
        // The link must cover about everything after the label.
        return linkShare * p.length() >= (p.length() - colon - 1) * 0.8;
    }

    /** A block opening with a drawn rule ("__________", "----------"): a signature under a forum post or e-mail. */
    private static boolean startsWithRule(String p) {
        int n = 0;
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '_' || c == '-' || c == '=' || c == '—' || c == '―') n++;
            else break;
        }
        return n >= 8;
    }

    private static boolean isUpperCase(String s) {
        int letters = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetter(c)) {
                if (Character.isLowerCase(c)) return false;
                letters++;
            }
        }
        return letters >= 8;
    }
}
