package dev.weir.bench.nexmark.flink;

import dev.weir.bench.nexmark.Auction;
import dev.weir.bench.nexmark.AuctionPrice;
import dev.weir.bench.nexmark.Bid;
import dev.weir.bench.nexmark.Event;
import dev.weir.bench.nexmark.NexmarkGenerator;
import dev.weir.bench.nexmark.NexmarkQuery;
import dev.weir.bench.nexmark.Person;
import dev.weir.bench.nexmark.ResultRow;
import dev.weir.bench.nexmark.WinningBid;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;

/**
 * The Nexmark queries as Flink DataStream jobs on a local environment with parallelism 1, heap state, no
 * checkpoints and object reuse on (every record is immutable): the generator's events from {@code fromSequence},
 * the same watermark strategy as Weir's (bounded out-of-orderness {@link NexmarkQuery#OUT_OF_ORDERNESS}, periodic
 * every 200 ms), split into typed streams, each query ending in a {@link FlinkChecksumSink}.
 */
public final class FlinkQueries {
    private FlinkQueries() {
    }

    /** A local environment for one job. */
    public static StreamExecutionEnvironment environment() {
        return environment(new Configuration());
    }

    /** A local environment for one job, with {@code conf}. */
    public static StreamExecutionEnvironment environment(Configuration conf) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1, conf);
        env.getConfig().enableObjectReuse();
        env.getConfig().setAutoWatermarkInterval(200);
        return env;
    }

    /** Adds {@code query} over {@code generator}'s events to {@code env}, writing to the sink of {@code runId}. */
    public static void build(StreamExecutionEnvironment env, NexmarkQuery query, NexmarkGenerator generator,
                             String runId) {
        DataStream<Event> events = env.fromSequence(0, generator.events() - 1)
                .name("positions")
                .map(new GenerateEvents(generator)).returns(TypeInformation.of(Event.class)).name("events")
                .assignTimestampsAndWatermarks(WatermarkStrategy
                        .<Event>forBoundedOutOfOrderness(NexmarkQuery.OUT_OF_ORDERNESS)
                        .withTimestampAssigner((e, ts) -> e.dateTimeMillis()));
        rows(query, events).sinkTo(new FlinkChecksumSink<>(runId)).name("checksum");
    }

    /** The query's rows from a stream of timestamped events (whatever its source). */
    @SuppressWarnings("unchecked")
    public static DataStream<ResultRow> rows(NexmarkQuery query, DataStream<Event> events) {
        DataStream<? extends ResultRow> rows = switch (query) {
            case Q0 -> bids(events);
            case Q1 -> bids(events).map(b -> b.withPrice(NexmarkQuery.toEuroCents(b.price()))).returns(Bid.class);
            case Q2 -> bids(events).flatMap((Bid b, org.apache.flink.util.Collector<AuctionPrice> out) -> {
                if (b.auction() % NexmarkQuery.Q2_AUCTION_MODULUS == 0) {
                    out.collect(new AuctionPrice(b.auction(), b.price()));
                }
            }).returns(AuctionPrice.class);
            case Q3 -> persons(events).filter(NexmarkQuery::isQ3Seller).keyBy(Person::id)
                    .connect(auctions(events).filter(a -> a.category() == NexmarkQuery.Q3_CATEGORY)
                            .keyBy(Auction::seller))
                    .process(new SellerAuctionJoin());
            case Q4 -> auctions(events).keyBy(Auction::id)
                    .connect(bids(events).keyBy(Bid::auction))
                    .process(new AuctionCloser())
                    .keyBy(WinningBid::category)
                    .process(new CategoryRunningAverage());
            case Q5 -> bids(events).keyBy(Bid::auction)
                    .window(SlidingEventTimeWindows.of(NexmarkQuery.Q5_SIZE, NexmarkQuery.Q5_SLIDE))
                    .aggregate(new WindowFunctions.BidCount(), new WindowFunctions.WithWindow())
                    .keyBy(c -> c.windowEndMillis)
                    .process(new HottestAuctions());
            case Q7 -> bids(events).windowAll(TumblingEventTimeWindows.of(NexmarkQuery.TUMBLING_SIZE))
                    .aggregate(new WindowFunctions.HighestPrice(), new WindowFunctions.HighestRows());
            case Q8 -> persons(events).coGroup(auctions(events))
                    .where(Person::id).equalTo(Auction::seller)
                    .window(TumblingEventTimeWindows.of(NexmarkQuery.TUMBLING_SIZE))
                    .apply(new WindowFunctions.NewSellers());
        };
        return (DataStream<ResultRow>) rows;
    }

    private static DataStream<Bid> bids(DataStream<Event> events) {
        return events.flatMap(new Only<>(Bid.class)).returns(Bid.class).name("bids");
    }

    private static DataStream<Person> persons(DataStream<Event> events) {
        return events.flatMap(new Only<>(Person.class)).returns(Person.class).name("persons");
    }

    private static DataStream<Auction> auctions(DataStream<Event> events) {
        return events.flatMap(new Only<>(Auction.class)).returns(Auction.class).name("auctions");
    }

    /** The events of one kind. */
    private record Only<T extends Event>(Class<T> type) implements FlatMapFunction<Event, T> {
        @Override
        public void flatMap(Event e, org.apache.flink.util.Collector<T> out) {
            if (type.isInstance(e)) {
                out.collect(type.cast(e));
            }
        }
    }
}
