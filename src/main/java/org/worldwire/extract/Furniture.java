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
                    + "you may (also )?like|you might (also )?like|recommended( for you)?|more (stories|news|from .{1,40})|"
                    + "don'?t miss|also read|read also|most (read|popular)|trending( now)?|top rated comments|"
                    + "comments are closed|leave a (comment|reply)|post comment.*|highlights|"
                    + "image \\d+ (of|/) \\d+|\\d+ (of|/) \\d+|photo: .{1,60}|foto: .{1,60})[\\s.!:…)(+\\]\\[]*$");

    /** A paragraph that is a teaser link with a label in front ("READ MORE: Headline"). */
    private static final Pattern PROMO_PREFIX = Pattern.compile(
            "(?iu)^[\\s(\\[]*(read more|more|related|see more|see also|also read|read also|also|don'?t miss|watch|listen|"
                    + "recommended|leggi anche|lees ook|lire aussi|lesen sie auch|mehr zum thema|читайте также|اقرأ أيضا|"
                    + "click here|more on this|more from)\\b.{0,300}$");

    /** Invitations that close many articles: subscribe, newsletters, follow on social networks, apps. */
    private static final Pattern CALL_TO_ACTION = Pattern.compile(
            "(?iu)(\\bsubscribe\\b|\\bsign up\\b|\\bnewsletter\\b|\\bfollow (us|@\\w+|\\w+ on)\\b|"
                    + "\\b(get|download) (the|our) .{0,30}\\bapp\\b|\\bclick here\\b|\\bshare (it|this) with\\b|"
                    + "\\bdelivered (to|through) your\\b|\\bin your inbox\\b|\\bget access to\\b|"
                    + "\\bsubscribe to\\b|\\bis committed to publishing\\b|\\bcontributed to this report\\b|"
                    + "\\babonnieren\\b|\\binscreva-se\\b|\\bsuscr[íi]bete\\b|\\biscriviti\\b|\\bабонир|\\bподпис[ыа]ть?ся\\b)");

    /** Short lines that are only a date, time or byline ("By A. Writer - 11/18/19 11:04 PM"). */
    private static final Pattern DATE_LINE = Pattern.compile(
            "(?iu)(\\b(19|20)\\d{2}\\b|\\b\\d{1,2}:\\d{2}\\b|\\b\\d{1,2}/\\d{1,2}/\\d{2,4}\\b)");
    private static final Pattern DATE_WORDS = Pattern.compile(
            "(?iu)^(by\\b|posted\\b|published\\b|updated\\b|first published\\b|last updated\\b|modified\\b|"
                    + "(mon|tues|wednes|thurs|fri|satur|sun)day\\b|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.? \\d|"
                    + "\\d{1,2}[./ -]|segunda|terça|quarta|quinta|sexta|sábado|domingo|lunes|martes|miércoles|jueves|viernes|"
                    + "montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)");
    private static final Pattern TAG_LINE = Pattern.compile("(?iu)^(tags?|tagged|filed under|categories|category|topics|schlagwörter|etiquetas|темы|теги)\\s*[:|]?\\s.{0,400}$");

    private Furniture() {}

    /** Returns true for a paragraph to drop. {@code linkShare} is the share of its text inside links. */
    static boolean isFurniture(String p, double linkShare) {
        int len = p.length();
        if (len < 80 && MARKER.matcher(p).matches()) return true;
        if (linkShare >= 0.5 && len < 320 && PROMO_PREFIX.matcher(p).matches()) return true;
        if (linkShare >= 0.9 && len < 200 && isUpperCase(p)) return true;
        if (len < 300 && CALL_TO_ACTION.matcher(p).find()) return true;
        if (len < 90 && DATE_LINE.matcher(p).find() && DATE_WORDS.matcher(p).find() && !p.endsWith(".") ) return true;
        if (len < 400 && TAG_LINE.matcher(p).matches() && (linkShare >= 0.3 || p.indexOf(',') > 0)) return true;
        return false;
    }

    /** A label that announces a list of teasers: what follows, if it is links, is not the article. */
    static boolean opensTeaserList(String p) {
        return p.length() < 80 && MARKER.matcher(p).matches();
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
