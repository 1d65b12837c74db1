package dev.weir.runtime.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.api.serde.Serdes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class KafkaConfigTest {
    private static final String B = "127.0.0.1:19092";

    @Test
    void sourceDefaultsAreEarliestUnboundedFail() {
        KafkaSourceConfig<String> c = KafkaSourceConfig.builder(B, "in", String.class).build();
        assertThat(c.startPosition()).isEqualTo(StartPosition.earliest());
        assertThat(c.stopAtEndOffsets()).isFalse();
        assertThat(c.errorPolicy()).isEqualTo(DeserializationErrorPolicy.FAIL);
        assertThat(c.deadLetterTopic()).isEmpty();
        assertThat(c.valueSerde().type()).isEqualTo(String.class);
    }

    @Test
    void sourceRejectsBadBootstrapAndTopicNamingTheField() {
        assertThatThrownBy(() -> KafkaSourceConfig.builder(" ", "in", String.class).build())
                .hasMessageContaining("bootstrapServers");
        assertThatThrownBy(() -> KafkaSourceConfig.builder("localhost", "in", String.class).build())
                .hasMessageContaining("'localhost' is not host:port");
        assertThatThrownBy(() -> KafkaSourceConfig.builder(B, "bad topic", String.class).build())
                .hasMessageContaining("topic 'bad topic' is not a valid Kafka topic name");
    }

    @Test
    void deadLetterPolicyNeedsADistinctTopic() {
        assertThatThrownBy(() -> KafkaSourceConfig.builder(B, "in", String.class).deadLetterTo(null).build())
                .hasMessageContaining("DEAD_LETTER needs a deadLetterTopic");
        assertThatThrownBy(() -> KafkaSourceConfig.builder(B, "in", String.class).deadLetterTo("in").build())
                .hasMessageContaining("must differ from topic");
        KafkaSourceConfig<String> ok = KafkaSourceConfig.builder(B, "in", String.class).deadLetterTo("in-dlq").build();
        assertThat(ok.errorPolicy()).isEqualTo(DeserializationErrorPolicy.DEAD_LETTER);
        assertThat(ok.deadLetterTopic()).contains("in-dlq");
    }

    @Test
    void fixedClientPropertiesCannotBeOverridden() {
        assertThatThrownBy(() -> KafkaSourceConfig.builder(B, "in", String.class)
                .clientProperty("isolation.level", "read_uncommitted").build())
                .hasMessageContaining("'isolation.level' is set by Weir");
        assertThatThrownBy(() -> KafkaSinkConfig.builder(B, "out", String.class)
                .clientProperty("value.serializer", "x").build())
                .hasMessageContaining("'value.serializer' is set by Weir");
    }

    @Test
    void pollTimeoutMustBePositive() {
        assertThatThrownBy(() -> KafkaSourceConfig.builder(B, "in", String.class).pollTimeout(Duration.ZERO).build())
                .hasMessageContaining("pollTimeout must be a positive duration");
    }

    @Test
    void committedStartPositionNeedsAGroup() {
        assertThatThrownBy(() -> StartPosition.committed(" ")).hasMessageContaining("group id");
        assertThat(StartPosition.committed("g")).isEqualTo(new StartPosition.Committed("g", StartPosition.earliest()));
    }

    @Test
    void sinkKeyIsSelectedThenSerialized() {
        KafkaSinkConfig<String> c = KafkaSinkConfig.builder(B, "out", String.class)
                .key(v -> v.substring(0, 1), Serdes.string()).build();
        assertThat(new String(c.key().orElseThrow().keyBytes("abc"), StandardCharsets.UTF_8)).isEqualTo("a");
        assertThat(KafkaSinkConfig.builder(B, "out", String.class).build().key()).isEmpty();
    }
}
