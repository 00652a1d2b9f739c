package org.worldwire.sim;

/**
 * What happened. Each kind says which numbers its reports carry, which organisations take part, and whether two
 * events of it can run in one place at once (two trials in one city, yes; two earthquakes, no).
 */
enum EventKind {
    EARTHQUAKE(true, false, false, true, NewsWords.GROUP),
    STORM(true, false, true, true, NewsWords.GROUP),
    FLOOD(true, false, true, true, NewsWords.BANK),
    WILDFIRE(true, false, false, true, NewsWords.GROUP),
    TRAIN_CRASH(true, false, false, false, NewsWords.GROUP),
    ELECTION(false, true, false, true, NewsWords.PARTY),
    STRIKE(false, true, true, false, NewsWords.UNION),
    TRIAL(false, false, true, false, NewsWords.GROUP),
    SUMMIT(false, true, true, false, NewsWords.BANK),
    TAKEOVER(false, true, true, false, NewsWords.GROUP);

    final boolean casualties;
    final boolean percent;
    final boolean amount;
    /** At most one open event of this kind per place. */
    final boolean exclusive;
    final int orgType;

    EventKind(boolean casualties, boolean percent, boolean amount, boolean exclusive, int orgType) {
        this.casualties = casualties;
        this.percent = percent;
        this.amount = amount;
        this.exclusive = exclusive;
        this.orgType = orgType;
    }

    String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
