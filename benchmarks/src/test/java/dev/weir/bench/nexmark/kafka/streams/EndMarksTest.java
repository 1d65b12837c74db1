package dev.weir.bench.nexmark.kafka.streams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.bench.nexmark.Bid;
import dev.weir.bench.nexmark.HighestBid;
import dev.weir.bench.nexmark.HotAuction;
import dev.weir.bench.nexmark.NexmarkQuery;
import dev.weir.bench.nexmark.ResultRow;
import dev.weir.bench.nexmark.kafka.EventEnvelope;
import dev.weir.bench.nexmark.kafka.Json;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.BuiltInDslStoreSuppliers;
import org.junit.jupiter.api.Test;

/**
 * What end-of-input marks do in the Kafka Streams topologies, on a few hand-made bids (event times in seconds after
 * {@link #BASE}, a multiple of every window; Kafka Streams makes no window that starts before the epoch): a
 * window closes only when its operator's stream time passes its end + 1 s grace; a mark closes the input's last
 * windows and yields no rows of its own; q5's second stage needs the second mark.
 */
class EndMarksTest {
    static final long HOUR = 3_600_000;
    static final long BASE = 1_000 * HOUR;

    static Bid bid(long auction, long price, long seconds) {
        return new Bid(auction, 7, price, "Apple", BASE + seconds * 1000);
    }

    static final List<EventEnvelope> BIDS = List.of(EventEnvelope.of(bid(1, 50, 1)), EventEnvelope.of(bid(2, 90, 2)),
            EventEnvelope.of(bid(2, 30, 12)), EventEnvelope.of(bid(1, 40, 13)));

    @Test
    void withoutMarksOnlyWindowsPassedByLaterEventsClose() {
        assertThat(run(NexmarkQuery.Q7, BIDS, 0).rows()).containsExactly(new HighestBid(BASE + 10_000, bid(2, 90, 2)));
        assertThat(run(NexmarkQuery.Q7, BIDS, 0).ends()).isZero();
    }

    @Test
    void aMarkClosesTheLastWindowAndAddsNoRow() {
        Run run = run(NexmarkQuery.Q7, BIDS, 1);

        assertThat(run.rows()).containsExactly(new HighestBid(BASE + 10_000, bid(2, 90, 2)),
                new HighestBid(BASE + 20_000, bid(1, 40, 13)));
        assertThat(run.ends()).isPositive();
        assertThat(run(NexmarkQuery.Q7, BIDS, 2).rows()).isEqualTo(run.rows());
    }

    @Test
    void aSecondStageNeedsTheSecondMark() {
        // windows of 10 s every 2 s: those ending at 14 s and later hold the bids at 12 s and 13 s
        List<ResultRow> oneMark = run(NexmarkQuery.Q5, BIDS, 1).rows();
        List<ResultRow> twoMarks = run(NexmarkQuery.Q5, BIDS, 2).rows();

        assertThat(twoMarks).contains(new HotAuction(BASE + 2_000, 1, 1), new HotAuction(BASE + 22_000, 1, 1),
                new HotAuction(BASE + 22_000, 2, 1));
        assertThat(twoMarks).noneMatch(r -> ((HotAuction) r).windowEndMillis() > BASE + 24_000);
        assertThat(oneMark).hasSizeLessThan(twoMarks.size());
    }

    record Run(List<ResultRow> rows, long ends) {
    }

    static Run run(NexmarkQuery query, List<EventEnvelope> events, int marks) {
        AtomicLong ends = new AtomicLong();
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "end-marks-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.DSL_STORE_SUPPLIERS_CLASS_CONFIG, BuiltInDslStoreSuppliers.InMemoryDslStoreSuppliers.class);
        try (TopologyTestDriver driver = new TopologyTestDriver(NexmarkTopology.build(query, "in", "out", () -> { },
                ends::incrementAndGet), props)) {
            TestInputTopic<byte[], byte[]> in = driver.createInputTopic("in", new ByteArraySerializer(),
                    new ByteArraySerializer());
            for (EventEnvelope e : events) {
                in.pipeInput(null, Json.write(e), e.timeMillis());
            }
            for (int k = 1; k <= marks; k++) {
                EventEnvelope mark = EventEnvelope.endMark(BASE + 13_000 + k * HOUR);
                in.pipeInput(null, Json.write(mark), mark.timeMillis());
            }
            List<ResultRow> rows = driver.createOutputTopic("out", new ByteArrayDeserializer(),
                    new ByteArrayDeserializer()).readValuesToList().stream()
                    .<ResultRow>map(v -> Json.read(v, Json.rowType(query))).toList();
            return new Run(rows, ends.get());
        }
    }
}
