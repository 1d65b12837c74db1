package dev.weir.bench.nexmark.kafka.streams;

import dev.weir.bench.nexmark.AuctionPrice;
import dev.weir.bench.nexmark.Bid;
import dev.weir.bench.nexmark.HighestBid;
import dev.weir.bench.nexmark.HotAuction;
import dev.weir.bench.nexmark.NewSeller;
import dev.weir.bench.nexmark.NexmarkQuery;
import dev.weir.bench.nexmark.Person;
import dev.weir.bench.nexmark.kafka.EventEnvelope;
import dev.weir.bench.nexmark.kafka.Json;
import dev.weir.bench.nexmark.Auction;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.Suppressed;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Each Nexmark query as a Kafka Streams topology from the input topic (JSON {@link EventEnvelope}s, Kafka
 * timestamp = event time) to the output topic (JSON rows), with the result semantics of {@link NexmarkQuery}.
 *
 * <p>Windowed queries (q5, q7, q8) use the DSL: {@code windowedBy} with a grace of
 * {@link NexmarkQuery#OUT_OF_ORDERNESS} (a window closes when its operator's stream time reaches
 * {@code end + grace}, where Weir's and Flink's watermark, {@code max - bound - 1 ms}, passes {@code end - 1}), and
 * {@code suppress(untilWindowCloses)} so that each window emits once, its final result. Keys are re-chosen with
 * {@code selectKey}/{@code repartition}, so records cross a repartition topic at each key change, as at Weir's and
 * Flink's {@code keyBy}. End-of-input marks enter every aggregation (keyed {@link #MARK_KEY}) and add nothing.
 * q3 and q4 use the Processor API ({@link SellerAuctionJoin}, {@link AuctionCloser},
 * {@link CategoryRunningAverage}; their javadoc says why).
 *
 * <p>Every topic here has one partition, as the input; with more, each mark would have to reach every partition
 * of every repartition topic.
 */
public final class NexmarkTopology {
    /** The key of end-of-input marks in keyed stages. */
    static final long MARK_KEY = -1;

    private NexmarkTopology() {
    }

    /** Whether {@code query} is written for Kafka Streams: all of them. */
    public static boolean supports(NexmarkQuery query) {
        return true;
    }

    /**
     * The topology of {@code query}. {@code consumed} runs for each input event consumed (not for marks);
     * {@code endReached} runs when an end-of-input mark reaches the input of the query's last stage (the task that
     * writes the output), i.e. once every record of the input has been processed there and the rows it closes are
     * about to be written: closing the application then (which commits) makes the whole result visible.
     */
    public static Topology build(NexmarkQuery query, String input, String output, Runnable consumed,
                                 Runnable endReached) {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<byte[], EventEnvelope> events = builder.stream(input, Consumed.with(Serdes.ByteArray(),
                        Serdes.ByteArray()))
                .mapValues(v -> Json.read(v, EventEnvelope.class))
                .peek((k, e) -> {
                    if (!e.isEndMark()) {
                        consumed.run();
                    }
                });
        Marks marks = new Marks(endReached);
        KStream<?, ?> rows = switch (query) {
            case Q0 -> bids(events.peek(marks::atLastStage));
            case Q1 -> bids(events.peek(marks::atLastStage)).mapValues(b -> b.withPrice(NexmarkQuery.toEuroCents(b.price())));
            case Q2 -> bids(events.peek(marks::atLastStage)).filter((k, b) -> b.auction() % NexmarkQuery.Q2_AUCTION_MODULUS == 0)
                    .mapValues(b -> new AuctionPrice(b.auction(), b.price()));
            case Q3 -> q3(events, marks);
            case Q4 -> q4(events, marks);
            case Q5 -> q5(events, marks);
            case Q7 -> q7(events, marks);
            case Q8 -> q8(events, marks);
        };
        toOutput(rows, output);
        return builder.build();
    }

    /** Rows as JSON values without keys. */
    private static <K, V> void toOutput(KStream<K, V> rows, String output) {
        rows.map((k, v) -> KeyValue.pair((byte[]) null, Json.write(v)))
                .to(output, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()));
    }

    private static KStream<byte[], Bid> bids(KStream<byte[], EventEnvelope> events) {
        return events.filter((k, e) -> e.bid() != null).mapValues(EventEnvelope::bid);
    }

    private static Serde<EventEnvelope> envelopes() {
        return StreamsJson.serde(EventEnvelope.class);
    }

    private static KStream<?, ?> q3(KStream<byte[], EventEnvelope> events, Marks marks) {
        return events.filter((k, e) -> e.isEndMark() || (e.event() instanceof Person p ? NexmarkQuery.isQ3Seller(p)
                        : e.event() instanceof Auction a && a.category() == NexmarkQuery.Q3_CATEGORY))
                .selectKey((k, e) -> e.isEndMark() ? MARK_KEY : e.event() instanceof Person p ? p.id()
                        : e.auction().seller())
                .repartition(Repartitioned.with(Serdes.Long(), envelopes()).withName("q3-by-seller"))
                .peek(marks::atLastStage)
                .process(SellerAuctionJoin.supplier());
    }

    private static KStream<?, ?> q4(KStream<byte[], EventEnvelope> events, Marks marks) {
        return events.filter((k, e) -> e.person() == null)
                .selectKey((k, e) -> e.isEndMark() ? MARK_KEY : e.auction() != null ? e.auction().id()
                        : e.bid().auction())
                .repartition(Repartitioned.with(Serdes.Long(), envelopes()).withName("q4-by-auction"))
                .process(AuctionCloser.supplier())
                .repartition(Repartitioned.with(Serdes.Integer(), StreamsJson.serde(Closing.class))
                        .withName("q4-by-category"))
                .peek((category, c) -> marks.atLastStage(c.isEndMark()))
                .process(CategoryRunningAverage.supplier());
    }

    /**
     * q5 in two windowed stages: bids per auction in 10 s windows every 2 s; then, keyed by window end, the
     * auctions with the most bids. A window's counts all leave the first stage's {@code suppress} together (it
     * emits in window-end order), re-stamped to {@code end - 1}; the second stage collects them in a tumbling
     * window of one slide, {@code [end - slide, end)}, which closes when the next window end's counts arrive.
     */
    private static KStream<?, ?> q5(KStream<byte[], EventEnvelope> events, Marks marks) {
        return events.filter((k, e) -> e.bid() != null || e.isEndMark())
                .selectKey((k, e) -> e.isEndMark() ? MARK_KEY : e.bid().auction())
                .groupByKey(Grouped.with("q5-by-auction", Serdes.Long(), envelopes()))
                .windowedBy(TimeWindows.ofSizeAndGrace(NexmarkQuery.Q5_SIZE, NexmarkQuery.OUT_OF_ORDERNESS)
                        .advanceBy(NexmarkQuery.Q5_SLIDE))
                .aggregate(() -> 0L, (auction, e, n) -> e.isEndMark() ? n : n + 1,
                        Materialized.with(Serdes.Long(), Serdes.Long()))
                .suppress(Suppressed.untilWindowCloses(Suppressed.BufferConfig.unbounded()))
                .toStream()
                .process(ByWindowEnd::new)
                .repartition(Repartitioned.with(Serdes.Long(), StreamsJson.serde(AuctionCount.class))
                        .withName("q5-by-window-end"))
                .peek((end, c) -> marks.atLastStage(c.bids() == 0))
                .groupByKey(Grouped.with(Serdes.Long(), StreamsJson.serde(AuctionCount.class)))
                .windowedBy(TimeWindows.ofSizeWithNoGrace(NexmarkQuery.Q5_SLIDE))
                .aggregate(TopAuctions::empty, (end, c, top) -> top.add(c),
                        Materialized.with(Serdes.Long(), StreamsJson.serde(TopAuctions.class)))
                .suppress(Suppressed.untilWindowCloses(Suppressed.BufferConfig.unbounded()))
                .toStream()
                .flatMapValues((w, top) -> top.auctions().stream()
                        .map(a -> new HotAuction(w.key(), a, top.bids())).toList());
    }

    /** Reports the first end-of-input mark that reaches a query's last stage. */
    private record Marks(Runnable endReached) {
        void atLastStage(Object key, EventEnvelope e) {
            atLastStage(e.isEndMark());
        }

        void atLastStage(boolean isMark) {
            if (isMark) {
                endReached.run();
            }
        }
    }

    /** q5: a window's count, keyed by the window's end (exclusive), timestamp {@code end - 1}. */
    private static final class ByWindowEnd implements Processor<Windowed<Long>, Long, Long, AuctionCount> {
        private ProcessorContext<Long, AuctionCount> context;

        @Override
        public void init(ProcessorContext<Long, AuctionCount> context) {
            this.context = context;
        }

        @Override
        public void process(Record<Windowed<Long>, Long> r) {
            long end = r.key().window().end();
            context.forward(new Record<>(end, new AuctionCount(r.key().key(), r.value()), end - 1));
        }
    }

    private static KStream<?, ?> q7(KStream<byte[], EventEnvelope> events, Marks marks) {
        return events.filter((k, e) -> e.bid() != null || e.isEndMark())
                .selectKey((k, e) -> 0L)
                .repartition(Repartitioned.with(Serdes.Long(), envelopes()).withName("q7-all"))
                .peek(marks::atLastStage)
                .groupByKey(Grouped.with(Serdes.Long(), envelopes()))
                .windowedBy(TimeWindows.ofSizeAndGrace(NexmarkQuery.TUMBLING_SIZE, NexmarkQuery.OUT_OF_ORDERNESS))
                .aggregate(TopBids::empty, (k, e, top) -> e.isEndMark() ? top : top.add(e.bid()),
                        Materialized.with(Serdes.Long(), StreamsJson.serde(TopBids.class)))
                .suppress(Suppressed.untilWindowCloses(Suppressed.BufferConfig.unbounded()))
                .toStream()
                .flatMapValues((w, top) -> top.bids().stream().map(b -> new HighestBid(w.window().end(), b))
                        .toList());
    }

    private static KStream<?, ?> q8(KStream<byte[], EventEnvelope> events, Marks marks) {
        return events.filter((k, e) -> e.bid() == null)
                .selectKey((k, e) -> e.isEndMark() ? MARK_KEY : e.person() != null ? e.person().id()
                        : e.auction().seller())
                .repartition(Repartitioned.with(Serdes.Long(), envelopes()).withName("q8-by-person"))
                .peek(marks::atLastStage)
                .groupByKey(Grouped.with(Serdes.Long(), envelopes()))
                .windowedBy(TimeWindows.ofSizeAndGrace(NexmarkQuery.TUMBLING_SIZE, NexmarkQuery.OUT_OF_ORDERNESS))
                .aggregate(SellerWindow::empty, (id, e, w) -> w.add(e),
                        Materialized.with(Serdes.Long(), StreamsJson.serde(SellerWindow.class)))
                .suppress(Suppressed.untilWindowCloses(Suppressed.BufferConfig.unbounded()))
                .toStream()
                .filter((w, s) -> s.isNewSeller())
                .mapValues((w, s) -> new NewSeller(w.key(), s.name(), w.window().start()));
    }
}
