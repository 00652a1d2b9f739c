package org.worldwire.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;
import org.worldwire.sim.Lexicon.Language;
import org.worldwire.sim.Names.Org;
import org.worldwire.sim.Names.Person;

/**
 * Writes one publisher's report of an event in its own words and language (a headline and paragraphs that carry the
 * event's names, place, numbers and kind words among words of the language, a fifth of them about the event's own
 * topic), and the reprint of an agency copy with a publisher's small edits. Deterministic for a given random.
 */
final class Reports {
    private Reports() {}

    /**
     * Share of a report's content words that are about its event rather than drawn from the whole language: a report
     * of a school collapse says school, rubble and rescuers again and again, while its other words are the
     * language's usual ones.
     */
    static final double TOPIC_SHARE = 0.2;

    static Text.Story report(NewsEvent e, int reportNo, Language lang, SplittableRandom r) {
        NewsWords w = NewsWords.of(lang.code());
        String place = e.place().name(lang.code());
        List<String> kw = w.kind(e.kind());
        String sep = lang.spaced() ? " " : "";
        List<String> facts = new ArrayList<>(12);
        facts.addAll(kw);
        facts.addAll(numbers(e, reportNo, w));
        facts.add(w.date(e.day(), e.month()));
        for (Org o : e.orgs()) facts.add(o.write(w));
        for (Person p : e.people()) facts.add(p.family(lang.code()) + sep + w.said());

        int count = 4 + r.nextInt(5);
        List<String> paragraphs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int sentences = 2 + r.nextInt(4);
            StringBuilder p = new StringBuilder();
            for (int s = 0; s < sentences; s++) {
                if (s > 0 && lang.spaced()) p.append(' ');
                List<String> in = new ArrayList<>(3);
                String at = null;
                if (i == 0 && s == 0) {
                    // The lead: what, where, how many.
                    in.add(kw.get(r.nextInt(4) == 0 ? 1 : 0));
                    in.add(mainNumber(e, reportNo, w));
                    at = place;
                } else if (i == 0 && s == 1) {
                    Person who = e.people().get(r.nextInt(e.people().size()));
                    in.add(who.full(lang.code()));
                    in.add(w.date(e.day(), e.month()));
                } else {
                    double u = r.nextDouble();
                    if (u < 0.6) in.add(facts.get(r.nextInt(facts.size())));
                    if (u < 0.2) in.add(facts.get(r.nextInt(facts.size())));
                    if (r.nextInt(6) == 0) at = place;
                }
                p.append(sentence(r, lang, e, in, at));
            }
            paragraphs.add(p.toString());
        }
        return new Text.Story(headline(e, reportNo, lang, w, r), summary(paragraphs.getFirst(), lang), paragraphs,
                Text.person(r, lang), e.place());
    }

    /** A headline of its own: a kind word, usually a number or a name, a little filler, and the place. */
    static String headline(NewsEvent e, int reportNo, Language lang, NewsWords w, SplittableRandom r) {
        List<String> parts = new ArrayList<>(5);
        List<String> kw = w.kind(e.kind());
        parts.add(kw.get(r.nextInt(3) == 0 ? 1 : 0));
        int u = r.nextInt(10);
        if (u < 5) parts.add(mainNumber(e, reportNo, w));
        else if (u < 8) parts.add(e.people().getFirst().family(lang.code()));
        else if (!e.orgs().isEmpty()) parts.add(e.orgs().getFirst().write(w));
        int filler = 1 + r.nextInt(2);
        for (int i = 0; i < filler; i++) parts.add(r.nextInt(parts.size() + 1), word(r, lang, e, 0.3));
        String body = String.join(lang.spaced() ? " " : "", parts);
        return Text.capitalize(Text.fill(lang.placeTemplate(), body, e.place().name(lang.code())));
    }

    /**
     * A reprint of {@code original} by another publisher: a new headline about half the time, the publisher's
     * boilerplate line at the top, the bottom or both, and sometimes a trimmed or an extended ending.
     */
    static Text.Story copy(Text.Story original, @Nullable NewsEvent e, int reportNo, String publisherName,
            Language lang, SplittableRandom r) {
        NewsWords w = NewsWords.of(lang.code());
        String place = original.place().name(lang.code());
        String title;
        double u = r.nextDouble();
        if (u < 0.45) {
            title = e != null ? headline(e, reportNo, lang, w, r)
                    : Text.capitalize(Text.fill(lang.placeTemplate(), Text.phrase(r, lang, 3 + r.nextInt(4), 0.2), place));
        } else if (u < 0.6) {
            title = original.title() + (lang.spaced() ? " – " : "—") + publisherName;
        } else {
            title = original.title();
        }
        List<String> paragraphs = new ArrayList<>(original.paragraphs().size() + 3);
        paragraphs.addAll(original.paragraphs());
        if (paragraphs.size() >= 5 && r.nextDouble() < 0.35) {
            paragraphs.removeLast();
            if (paragraphs.size() >= 6 && r.nextBoolean()) paragraphs.removeLast();
        } else if (r.nextDouble() < 0.4) {
            StringBuilder p = new StringBuilder();
            int sentences = 2 + r.nextInt(2);
            for (int s = 0; s < sentences; s++) {
                if (s > 0 && lang.spaced()) p.append(' ');
                p.append(Text.sentence(r, lang, s == 0 ? place : null));
            }
            paragraphs.add(p.toString());
        }
        boolean top = r.nextDouble() < 0.5;
        boolean bottom = !top || r.nextDouble() < 0.5;
        if (top) paragraphs.addFirst(NewsWords.fill1(w.boilerplate().get(0), publisherName));
        if (bottom) paragraphs.add(NewsWords.fill1(w.boilerplate().get(1), publisherName));
        return new Text.Story(title, original.summary(), paragraphs, original.author(), original.place());
    }

    private static String mainNumber(NewsEvent e, int reportNo, NewsWords w) {
        if (e.kind().casualties) return w.dead(e.deadAt(reportNo));
        if (e.kind().percent) return w.percent(e.percentTenths());
        return w.amount(e.amountMillions());
    }

    private static List<String> numbers(NewsEvent e, int reportNo, NewsWords w) {
        List<String> out = new ArrayList<>(4);
        if (e.kind().casualties) {
            out.add(w.dead(e.deadAt(reportNo)));
            out.add(w.injured(e.injuredAt(reportNo)));
        }
        if (e.kind().percent) out.add(w.percent(e.percentTenths()));
        if (e.kind().amount) out.add(w.amount(e.amountMillions()));
        return out;
    }

    /** A function word with probability {@code functionShare}, else a content word, about the event or not. */
    private static String word(SplittableRandom r, Language lang, NewsEvent e, double functionShare) {
        if (r.nextDouble() < functionShare) return lang.word(r, 1);
        return r.nextDouble() < TOPIC_SHARE ? e.topicWord(lang, r) : lang.word(r, 0);
    }

    private static String sentence(SplittableRandom r, Language lang, NewsEvent e, List<String> facts,
            @Nullable String place) {
        int words = 5 + r.nextInt(9);
        List<String> tokens = new ArrayList<>(words + facts.size());
        String previous = "";
        for (int i = 0; i < words; i++) {
            String word = word(r, lang, e, i == 0 ? 0 : 0.45);
            if (word.equals(previous)) word = lang.content().get(r.nextInt(lang.content().size()));
            tokens.add(word);
            previous = word;
        }
        for (String f : facts) tokens.add(r.nextInt(tokens.size() + 1), f);
        String body = String.join(lang.spaced() ? " " : "", tokens);
        if (place != null) body = Text.fill(lang.placeTemplate(), body, place);
        return Text.capitalize(body) + lang.sentenceEnd();
    }

    private static String summary(String first, Language lang) {
        if (first.length() <= 220) return first;
        if (!lang.spaced()) return first.substring(0, 100) + "…";
        int space = first.lastIndexOf(' ', 200);
        return first.substring(0, space > 0 ? space : 200) + "…";
    }
}
