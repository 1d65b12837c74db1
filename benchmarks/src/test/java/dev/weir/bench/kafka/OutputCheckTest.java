package dev.weir.bench.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutputCheckTest {
    @Test
    void exactlyAcceptsOnlyTheCount() {
        OutputCheck c = OutputCheck.exactly(100, "input");
        assertThat(c.accepts(100)).isTrue();
        assertThat(c.accepts(99)).isFalse();
        assertThat(c.accepts(101)).isFalse();
        assertThat(c.verdict(100)).isEqualTo("ok (= input)");
        assertThat(c.verdict(101)).isEqualTo("WRONG (= input)");
    }

    @Test
    void atLeastAcceptsDuplicates() {
        OutputCheck c = OutputCheck.atLeast(100, "input");
        assertThat(c.accepts(100)).isTrue();
        assertThat(c.accepts(1_000)).isTrue();
        assertThat(c.accepts(99)).isFalse();
        assertThat(c.verdict(150)).isEqualTo("ok (>= input)");
    }

    @Test
    void forwarderPromisesExactlyTheInputUnderEosAndAtLeastItUnderAlo() {
        KafkaForwarder f = new KafkaForwarder();
        assertThat(f.expectedOutputs(7, DeliveryMode.EXACTLY_ONCE)).isEqualTo(OutputCheck.exactly(7, "input"));
        assertThat(f.expectedOutputs(7, DeliveryMode.AT_LEAST_ONCE)).isEqualTo(OutputCheck.atLeast(7, "input"));
        assertThat(new KafkaConsumeOnly().writesOutput()).isFalse();
    }
}
