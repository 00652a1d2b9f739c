package org.worldwire.events.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("kafka")
class KafkaConfigTest {

    @Test
    void namesTopicsWithThePrefixAndNormalisesTheServerList() {
        KafkaConfig c = KafkaConfig.of(" 127.0.0.1:9092 , [::1]:9093,kafka-1.example:19092 ").withTopicPrefix("ww-test.");
        assertThat(c.bootstrapServers()).isEqualTo("127.0.0.1:9092,[::1]:9093,kafka-1.example:19092");
        assertThat(c.eventsTopic()).isEqualTo("ww-test.events");
        assertThat(c.entriesTopic()).isEqualTo("ww-test.entries");
        assertThat(c.partitions()).isEqualTo(12);
        assertThat(c.replicationFactor()).isEqualTo((short) 1);
    }

    @Test
    void rejectsBadValuesNamingThem() {
        assertThatThrownBy(() -> KafkaConfig.of(""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one host:port");
        assertThatThrownBy(() -> KafkaConfig.of("localhost"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'localhost'");
        assertThatThrownBy(() -> KafkaConfig.of("localhost:99999"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("port 1..65535");
        KafkaConfig ok = KafkaConfig.of("127.0.0.1:9092");
        assertThatThrownBy(() -> ok.withTopicPrefix("news/"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'news/'");
        assertThatThrownBy(() -> ok.withGroupId(" "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("group id");
        assertThatThrownBy(() -> ok.withPartitions(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("partitions");
        assertThatThrownBy(() -> ok.withReplicationFactor((short) 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("replication");
        assertThatThrownBy(() -> ok.withConnectTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeout");
    }

    @Test
    void anUnreachableClusterFailsFastNamingTheAddress() throws IOException {
        int closedPort;
        try (var s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort(); // nothing listens there once closed
        }
        KafkaConfig config = KafkaConfig.of("127.0.0.1:" + closedPort).withConnectTimeout(Duration.ofSeconds(1));
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> new KafkaWorkQueue(config))
                .isInstanceOf(KafkaUnavailableException.class)
                .hasMessageContaining("127.0.0.1:" + closedPort)
                .hasMessageContaining("1000 ms");
        assertThatThrownBy(() -> new KafkaEventBus(config))
                .isInstanceOf(KafkaUnavailableException.class)
                .hasMessageContaining("127.0.0.1:" + closedPort);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(15));
    }
}
