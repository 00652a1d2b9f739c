package org.worldwire.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PollSchedulerTest {
    private static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");

    private static ScheduleConfig config(int perMinute) {
        return new ScheduleConfig(perMinute, Duration.ofMinutes(1), Duration.ofHours(24), Duration.ofSeconds(1));
    }

    private static List<Instant> every(Instant end, Duration step, int n) {
        List<Instant> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(end.minus(step.multipliedBy(i + 1)));
        return out;
    }

    @Test
    void newSourcesAreDueAtOnce() {
        PollScheduler s = new PollScheduler(config(600));
        s.add(1, "a.example", T0);
        assertThat(s.nextDue()).contains(T0);
        assertThat(s.due(T0, 10)).containsExactly(1L);
    }

    @Test
    void keepsOneRequestInFlightPerHostAndSpacesThem() {
        PollScheduler s = new PollScheduler(config(600));
        s.add(1, "same.example", T0);
        s.add(2, "same.example", T0);
        s.add(3, "other.example", T0);
        List<Long> first = s.due(T0, 10);
        assertThat(first).hasSize(2).contains(3L).containsAnyOf(1L, 2L);
        long waiting = first.contains(1L) ? 2 : 1;
        assertThat(s.due(T0.plusMillis(500), 10)).isEmpty();
        s.completed(first.contains(1L) ? 1 : 2, new PollOutcome.NotModified(), T0.plusMillis(200));
        // Host spacing: one second after the previous request on that host completed.
        assertThat(s.due(T0.plusMillis(1100), 10)).isEmpty();
        assertThat(s.due(T0.plusMillis(1200), 10)).containsExactly(waiting);
    }

    @Test
    void neverExceedsTheRequestBudget() {
        PollScheduler s = new PollScheduler(config(60)); // one a second, ten seconds of burst
        for (long i = 0; i < 1000; i++) s.add(i, "h" + i, T0);
        int polled = 0;
        for (int sec = 0; sec <= 100; sec++) {
            Instant now = T0.plusSeconds(sec);
            for (long id : s.due(now, 1000)) {
                polled++;
                s.completed(id, new PollOutcome.NotModified(), now);
            }
        }
        // 100 seconds at one a second plus the ten-second bucket.
        assertThat(polled).isBetween(100, 111);
    }

    @Test
    void honoursRetryAfterForTheWholeHost() {
        PollScheduler s = new PollScheduler(config(600));
        s.add(1, "busy.example", T0);
        s.add(2, "busy.example", T0);
        long first = s.due(T0, 10).getFirst();
        s.completed(first, new PollOutcome.Failed(Duration.ofMinutes(30)), T0.plusSeconds(1));
        assertThat(s.due(T0.plus(Duration.ofMinutes(29)), 10)).isEmpty();
        assertThat(s.due(T0.plus(Duration.ofMinutes(31)), 10)).hasSize(1);
    }

    @Test
    void backsOffExponentiallyOnRepeatedFailures() {
        PollScheduler s = new PollScheduler(config(600));
        s.add(1, "down.example", T0);
        Instant now = T0;
        List<Long> gaps = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            assertThat(s.due(now, 1)).containsExactly(1L);
            s.completed(1, new PollOutcome.Failed(null), now);
            Instant next = s.nextDue().orElseThrow();
            gaps.add(Duration.between(now, next).toSeconds());
            now = next;
        }
        assertThat(gaps).containsExactly(120L, 240L, 480L, 960L);
    }

    @Test
    void pollsABusySourceMoreOftenThanAQuietOneUnderTheSameBudget() {
        AdaptivePolicy p = new AdaptivePolicy(config(1));
        long t0 = T0.toEpochMilli();
        p.firstPoll(1, t0);
        p.firstPoll(2, t0);
        // The first look shows history: 20 entries every 5 minutes vs 20 entries every 5 hours.
        p.observed(1, t0, every(T0, Duration.ofMinutes(5), 20));
        p.observed(2, t0, every(T0, Duration.ofHours(5), 20));
        p.replan(t0, 4.0 / 3600); // four requests an hour between them
        long busy = p.nextPoll(1, t0, t0) - t0;
        long quiet = p.nextPoll(2, t0, t0) - t0;
        // Intervals go as 1/√rate: a rate 60× higher earns an interval about √60 ≈ 7.7× shorter, not 60× shorter.
        assertThat((double) quiet / busy).isBetween(5.0, 11.0);
        // And the plan spends the budget: 1/busy + 1/quiet ≈ 4 an hour.
        assertThat(3_600_000.0 / busy + 3_600_000.0 / quiet).isBetween(3.6, 4.4);
    }

    @Test
    void aSourceWithoutDatedHistoryGetsALearningBurst() {
        PollScheduler s = new PollScheduler(config(10));
        s.add(1, "new.example", T0);
        s.due(T0, 1);
        s.completed(1, new PollOutcome.Fetched(List.of(T0, T0)), T0); // undated: discovery times only
        Instant next = s.nextDue().orElseThrow();
        assertThat(Duration.between(T0, next)).isLessThanOrEqualTo(Duration.ofMinutes(4));
    }

    @Test
    void removingASourceInFlightReleasesItsHostWhenTheRequestEnds() {
        PollScheduler s = new PollScheduler(config(600));
        s.add(1, "h.example", T0);
        s.add(2, "h.example", T0);
        long first = s.due(T0, 10).getFirst();
        s.remove(first);
        s.completed(first, new PollOutcome.NotModified(), T0.plusSeconds(1));
        assertThat(s.size()).isEqualTo(1);
        assertThat(s.due(T0.plusSeconds(3), 10)).containsExactly(first == 1 ? 2L : 1L);
    }

    @Test
    void aPushingSourceIsPolledOnlyWhenItsSilenceGrowsSuspicious() {
        PollScheduler s = new PollScheduler(config(600));
        s.add(1, "push.example", T0);
        s.due(T0, 1);
        // History: an entry every 10 minutes.
        s.completed(1, new PollOutcome.Fetched(every(T0, Duration.ofMinutes(10), 20)), T0);
        Instant polling = s.nextDue().orElseThrow();
        s.pushActive(1, true, T0);
        Instant safetyNet = s.nextDue().orElseThrow();
        // Four expected entries at six an hour: about 40 minutes of silence, later than plain polling would come.
        assertThat(Duration.between(T0, safetyNet)).isBetween(Duration.ofMinutes(25), Duration.ofMinutes(60));
        assertThat(safetyNet).isAfter(polling);
        // A push resets the clock.
        Instant later = T0.plus(Duration.ofMinutes(20));
        s.pushed(1, List.of(later), later);
        assertThat(s.nextDue().orElseThrow()).isAfter(safetyNet);
        // Push lapses: polling resumes at the adaptive pace.
        s.pushActive(1, false, later);
        assertThat(s.nextDue().orElseThrow()).isBefore(later.plus(Duration.ofMinutes(20)));
    }
    @Test
    void aHostThatDoesNotAnswerIsTriedOncePerBackOffPeriodForAllItsSources() {
        PollScheduler s = new PollScheduler(config(6_000));
        for (long id = 1; id <= 20; id++) s.add(id, "dead.example", T0);
        s.add(100, "alive.example", T0);
        List<Instant> attempts = new ArrayList<>();
        List<HostState> states = new ArrayList<>();
        int alivePolls = 0;
        // Two simulated hours, stepped every second.
        for (Instant now = T0; now.isBefore(T0.plus(Duration.ofHours(2))); now = now.plusSeconds(1)) {
            for (long id : s.due(now, 100)) {
                if (id == 100) {
                    alivePolls++;
                    assertThat(s.completed(id, new PollOutcome.NotModified(), now)).isEmpty();
                } else {
                    attempts.add(now);
                    s.completed(id, new PollOutcome.Unreachable("dns: cannot resolve dead.example"), now).ifPresent(states::add);
                }
            }
        }
        // Back-off from one minute doubling to the one-hour cap, jittered: about eight attempts, not one per source.
        assertThat(attempts).hasSizeBetween(5, 12);
        for (int i = 1; i < attempts.size(); i++) {
            long gap = Duration.between(attempts.get(i - 1), attempts.get(i)).toSeconds();
            long ceiling = Math.min(60L << (i - 1), 3600);
            assertThat(gap).as("gap %d", i).isBetween(ceiling / 2, ceiling + 1);
        }
        // One state change (the first failure), then reports that it stays down, each naming every source on the host.
        assertThat(states).hasSize(attempts.size()).allMatch(st -> st instanceof HostState.Down);
        assertThat(states).filteredOn(st -> ((HostState.Down) st).wentDown()).hasSize(1);
        HostState.Down last = (HostState.Down) states.getLast();
        assertThat(last.sources()).hasSize(20);
        assertThat(last.since()).isEqualTo(attempts.getFirst());
        assertThat(last.failures()).isEqualTo(attempts.size());
        assertThat(last.retryAt()).isAfter(attempts.getLast());
        // The other host is not held back by the dead one.
        assertThat(alivePolls).isGreaterThan(attempts.size());
    }

    @Test
    void aHostThatAnswersAgainIsReportedUpOnceAndAllItsSourcesResume() {
        PollScheduler s = new PollScheduler(config(6_000));
        s.add(1, "flaky.example", T0);
        s.add(2, "flaky.example", T0);
        long probe = s.due(T0, 10).getFirst();
        HostState down = s.completed(probe, new PollOutcome.Unreachable("connection: refused"), T0).orElseThrow();
        assertThat(down).isInstanceOf(HostState.Down.class);
        Instant retry = ((HostState.Down) down).retryAt();
        assertThat(s.due(retry.minusMillis(1), 10)).isEmpty();
        List<Long> next = s.due(retry, 10);
        assertThat(next).hasSize(1); // one probe, the other source waits for it
        // Even an HTTP error is an answer: the host is up, the source alone backs off.
        HostState up = s.completed(next.getFirst(), new PollOutcome.Failed(null), retry).orElseThrow();
        assertThat(up).isEqualTo(new HostState.Up("flaky.example", List.of(1L, 2L), T0, 1));
        Instant spaced = retry.plusSeconds(1);
        List<Long> resumed = s.due(spaced, 10);
        assertThat(resumed).hasSize(1).doesNotContain(next.getFirst());
        assertThat(s.completed(resumed.getFirst(), new PollOutcome.NotModified(), spaced)).isEmpty();
    }

    @Test
    void sourceLevelFailuresDoNotHoldBackTheHost() {
        PollScheduler s = new PollScheduler(config(6_000));
        s.add(1, "h.example", T0);
        s.add(2, "h.example", T0);
        long first = s.due(T0, 10).getFirst();
        assertThat(s.completed(first, new PollOutcome.Failed(null), T0)).isEmpty();
        // The other source on the host goes after the ordinary host spacing, not after a back-off.
        assertThat(s.due(T0.plusSeconds(1), 10)).containsExactly(first == 1 ? 2L : 1L);
    }
}
