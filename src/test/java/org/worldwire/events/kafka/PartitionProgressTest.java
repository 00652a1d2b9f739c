package org.worldwire.events.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PartitionProgressTest {

    @Test
    void commitsOnlyThePrefixOfFinishedRecords() {
        var p = new PartitionProgress();
        var a = p.add(10);
        var b = p.add(11);
        var c = p.add(14); // offsets may have gaps (compaction, transaction markers)
        assertThat(p.committable()).isEqualTo(-1);

        assertThat(c.start()).isTrue();
        c.finish(); // the newest finished first: nothing may be committed past 10 and 11
        assertThat(p.committable()).isEqualTo(-1);

        assertThat(a.start()).isTrue();
        a.finish();
        assertThat(p.committable()).isEqualTo(11);
        assertThat(p.committable()).as("unchanged since the last call").isEqualTo(-1);

        assertThat(b.start()).isTrue();
        b.finish();
        assertThat(p.committable()).isEqualTo(15);
        assertThat(p.size()).isZero();
    }

    @Test
    void cancellingSkipsQueuedRecordsAndLeavesRunningOnesToFinish() {
        var p = new PartitionProgress();
        var running = p.add(0);
        var queued = p.add(1);
        assertThat(running.start()).isTrue();

        assertThat(p.cancelQueued()).isEqualTo(1);
        assertThat(queued.start()).as("a skipped record is never started").isFalse();
        assertThat(p.running()).isTrue();

        running.finish();
        assertThat(p.running()).isFalse();
        assertThat(p.committable()).as("up to the skipped record, not past it").isEqualTo(1);
    }
}
