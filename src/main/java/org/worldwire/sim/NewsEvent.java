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
 * involved, its numbers and its date. Casualty counts grow from report to report as they do in real coverage.
 *
 * @param placeIndex index of {@code place} in {@link Lexicon#PLACES}
 * @param percentTenths a share in tenths of a percent (a vote, a pay claim, a stake)
 * @param growth how much the casualty count grows per later report, as a share of the first count
 */
record NewsEvent(
        long id, EventKind kind, int placeIndex, Place place, List<Person> people, List<Org> orgs, int dead,
        int injured, int amountMillions, int percentTenths, int day, int month, double growth) {

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
        return new NewsEvent(id, kind, placeIndex, Lexicon.PLACES.get(placeIndex), List.copyOf(people),
                List.copyOf(orgs), dead, injured, amount, 100 + r.nextInt(650), at.getDayOfMonth(),
                at.getMonthValue(), r.nextInt(3) == 0 ? 0 : r.nextDouble() * 0.4);
    }

    /** The death toll as the {@code reportNo}-th report (0-based) gives it. */
    int deadAt(int reportNo) {
        return dead + (int) Math.round(dead * growth * Math.min(reportNo, 6));
    }

    int injuredAt(int reportNo) {
        return injured + (int) Math.round(injured * growth * Math.min(reportNo, 6));
    }
}
