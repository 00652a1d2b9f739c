package org.worldwire.sim;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.worldwire.sim.Lexicon.Place;
import org.worldwire.sim.Names.Org;
import org.worldwire.sim.Names.Person;

/**
 * One thing that happened, as every report of it knows it: its kind, a real place, the people and organisations
 * involved, its numbers, its date, and what it is about beyond its kind: a dozen concepts of its own (the collapsed
 * school, the dam, the pension reform), some shared with other events of its kind and some its own, which every
 * report writes in its language's words. Casualty counts grow from report to report as they do in real coverage.
 *
 * @param placeIndex index of {@code place} in {@link Lexicon#PLACES}
 * @param percentTenths a share in tenths of a percent (a vote, a pay claim, a stake)
 * @param growth how much the casualty count grows per later report, as a share of the first count
 * @param topic concepts the event is about, as ranks in each language's vocabulary ({@link
 *     Lexicon.Vocabulary#concept})
 */
record NewsEvent(
        long id, EventKind kind, int placeIndex, Place place, List<Person> people, List<Org> orgs, int dead,
        int injured, int amountMillions, int percentTenths, int day, int month, double growth, List<Integer> topic) {

    /** Concepts per event: its own and its kind's. */
    static final int TOPIC = 12, KIND_TOPIC = 6;
    /** Concepts come after the commonest words (the vocabulary's real head), which every report uses anyway. */
    private static final int FIRST_CONCEPT = 40;
    /**
     * What events of one kind talk about (aftershocks, rubble and rescuers for every earthquake): a fixed pool per
     * kind, of which each event takes a few, so that two events of one kind share some words besides the kind's own.
     */
    private static final int[][] KIND_CONCEPTS = new int[EventKind.values().length][20];

    static {
        for (EventKind k : EventKind.values()) {
            SplittableRandom r = new SplittableRandom(0x70_91C5L + k.ordinal());
            for (int i = 0; i < KIND_CONCEPTS[k.ordinal()].length; i++) {
                KIND_CONCEPTS[k.ordinal()][i] = FIRST_CONCEPT + r.nextInt(Lexicon.Vocabulary.TAIL - FIRST_CONCEPT);
            }
        }
    }

    static NewsEvent random(long id, SplittableRandom r, Instant time, EventKind kind, int placeIndex) {
        int entities = 2 + r.nextInt(3);
        int persons = kind == EventKind.TAKEOVER ? 1 : Math.max(1, entities - r.nextInt(2));
        List<Person> people = new ArrayList<>(persons);
        for (int i = 0; i < persons; i++) people.add(Person.random(r));
        List<Org> orgs = new ArrayList<>(entities - persons);
        for (int i = persons; i < entities; i++) orgs.add(Org.random(r, i == persons ? kind.orgType : r.nextInt(4)));
        // Skewed like real tolls: mostly a handful, sometimes hundreds, rarely thousands.
        int dead = (int) Math.exp(r.nextDouble() * Math.log(r.nextInt(20) == 0 ? 3_000 : 300));
        int injured = dead * (1 + r.nextInt(4)) + r.nextInt(20);
        int amount = (int) Math.exp(Math.log(5) + r.nextDouble() * Math.log(1_000));
        ZonedDateTime at = time.atZone(ZoneOffset.UTC);
        int percent = 100 + r.nextInt(650);
        double growth = r.nextInt(3) == 0 ? 0 : r.nextDouble() * 0.4;
        List<Integer> topic = new ArrayList<>(TOPIC);
        int[] pool = KIND_CONCEPTS[kind.ordinal()];
        while (topic.size() < KIND_TOPIC) {
            int c = pool[r.nextInt(pool.length)];
            if (!topic.contains(c)) topic.add(c);
        }
        while (topic.size() < TOPIC) {
            int c = FIRST_CONCEPT + r.nextInt(Lexicon.Vocabulary.TAIL - FIRST_CONCEPT);
            if (!topic.contains(c)) topic.add(c);
        }
        return new NewsEvent(id, kind, placeIndex, Lexicon.PLACES.get(placeIndex), List.copyOf(people),
                List.copyOf(orgs), dead, injured, amount, percent, at.getDayOfMonth(), at.getMonthValue(), growth,
                List.copyOf(topic));
    }

    /** One of the event's concepts in {@code lang}'s words. */
    String topicWord(Lexicon.Language lang, SplittableRandom r) {
        return Lexicon.Vocabulary.of(lang).concept(topic.get(r.nextInt(topic.size())));
    }

    /** The death toll as the {@code reportNo}-th report (0-based) gives it. */
    int deadAt(int reportNo) {
        return dead + (int) Math.round(dead * growth * Math.min(reportNo, 6));
    }

    int injuredAt(int reportNo) {
        return injured + (int) Math.round(injured * growth * Math.min(reportNo, 6));
    }
}
