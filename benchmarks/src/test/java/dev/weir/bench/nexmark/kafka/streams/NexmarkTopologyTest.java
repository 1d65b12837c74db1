package dev.weir.bench.nexmark.kafka.streams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.bench.nexmark.Checksum;
import dev.weir.bench.nexmark.NexmarkGenerator;
import dev.weir.bench.nexmark.NexmarkQuery;
import dev.weir.bench.nexmark.Oracle;
import dev.weir.bench.nexmark.kafka.EndOfInput;
import dev.weir.bench.nexmark.kafka.EventEnvelope;
import dev.weir.bench.nexmark.kafka.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.BuiltInDslStoreSuppliers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every query's Kafka Streams topology, run by {@link TopologyTestDriver} (no broker) on the generator's events in
 * arrival order (40,000 events: one group of the generator's arrival permutation, so events arrive out of order)
 * followed by the {@link EndOfInput} marks: its rows equal the oracle's, its end is reported once the marks reach the
 * last stage. {@code NexmarkKafkaIT} runs every query on the broker; {@link EndMarksTest} shows what the marks do.
 */
class NexmarkTopologyTest {
    static final NexmarkGenerator GENERATOR = NexmarkGenerator.standard(40_000);
    static Oracle oracle;

    @BeforeAll
    static void oracle() {
        oracle = new Oracle(GENERATOR);
    }

    /** q4's two processors (the driver commits after every record: slow; the IT runs every query on the broker). */
    @ParameterizedTest
    @EnumSource(value = NexmarkQuery.class, names = {"Q4"})
    void rowsEqualTheOraclesOnceTheMarksArrive(NexmarkQuery query) {
        Run run = run(query, true);

        assertThat(run.rows).isEqualTo(oracle.checksum(query));
        assertThat(run.rows.rows()).isPositive();
        assertThat(run.consumed).isEqualTo(GENERATOR.events());
        assertThat(run.ends).isPositive();
    }

    record Run(Checksum rows, long consumed, long ends) {
    }

    static Run run(NexmarkQuery query, boolean marks) {
        AtomicLong consumed = new AtomicLong();
        AtomicLong ends = new AtomicLong();
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "nexmark-topology-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.DSL_STORE_SUPPLIERS_CLASS_CONFIG, BuiltInDslStoreSuppliers.InMemoryDslStoreSuppliers.class);
        try (TopologyTestDriver driver = new TopologyTestDriver(NexmarkTopology.build(query, "in", "out",
                consumed::incrementAndGet, ends::incrementAndGet), props)) {
            TestInputTopic<byte[], byte[]> in = driver.createInputTopic("in", new ByteArraySerializer(),
                    new ByteArraySerializer());
            List<EventEnvelope> input = new ArrayList<>();
            for (long i = 0; i < GENERATOR.events(); i++) {
                input.add(EventEnvelope.of(GENERATOR.generate(i)));
            }
            if (marks) {
                input.addAll(EndOfInput.marks(GENERATOR));
            }
            for (EventEnvelope e : input) {
                in.pipeInput(null, Json.write(e), e.timeMillis());
            }
            TestOutputTopic<byte[], byte[]> out = driver.createOutputTopic("out", new ByteArrayDeserializer(),
                    new ByteArrayDeserializer());
            Checksum.Accumulator acc = new Checksum.Accumulator();
            out.readValuesToList().forEach(v -> acc.add(Json.read(v, Json.rowType(query))));
            return new Run(acc.value(), consumed.get(), ends.get());
        }
    }
}
