package dev.weir.bench.nexmark.weir;

import dev.weir.api.window.SlidingWindows;
import dev.weir.api.window.TumblingWindows;
import dev.weir.api.window.WindowResult;
import dev.weir.bench.nexmark.Auction;
import dev.weir.bench.nexmark.AuctionPrice;
import dev.weir.bench.nexmark.Bid;
import dev.weir.bench.nexmark.Event;
import dev.weir.bench.nexmark.HighestBid;
import dev.weir.bench.nexmark.NewSeller;
import dev.weir.bench.nexmark.NexmarkGenerator;
import dev.weir.bench.nexmark.NexmarkQuery;
import dev.weir.bench.nexmark.Person;
import dev.weir.bench.nexmark.ResultRow;
import dev.weir.bench.nexmark.RunClock;
import dev.weir.runtime.graph.PipelineGraph;
import dev.weir.runtime.pipeline.DataStream;
import dev.weir.runtime.pipeline.Pipeline;
import dev.weir.runtime.sink.Sink;
import dev.weir.runtime.source.GeneratorSource;
import dev.weir.runtime.source.Source;
import dev.weir.runtime.watermark.WatermarkStrategy;
import java.util.List;

/**
 * The Nexmark queries as Weir pipelines over one source partition of generated events (bounded out-of-orderness
 * {@link NexmarkQuery#OUT_OF_ORDERNESS}, periodic watermarks), each ending in {@code sink}.
 */
public final class WeirQueries {
    private WeirQueries() {
    }

    /** The generator's events, in arrival order, as a one-partition source. */
    public static Source<Event> source(NexmarkGenerator generator) {
        return new GeneratorSource<>(Event.class, generator.events(), 1, position -> {
            RunClock.generating(position);
            return generator.generate(position);
        }, (event, index) -> event.dateTimeMillis());
    }

    public static PipelineGraph graph(NexmarkQuery query, Source<Event> source, Sink<ResultRow> sink) {
        Pipeline p = Pipeline.create("nexmark-" + query.id());
        DataStream<Event> events = p.source("events", source, WatermarkStrategy
                .<Event>boundedOutOfOrderness(NexmarkQuery.OUT_OF_ORDERNESS)
                .withTimestampAssigner((e, sourceTimestamp) -> e.dateTimeMillis()));
        widen(rows(query, events)).sink("out", sink);
        return p.graph();
    }

    /** The query's rows from a stream of events (whatever its source). */
    public static DataStream<? extends ResultRow> rows(NexmarkQuery query, DataStream<Event> events) {
        return switch (query) {
            case Q0 -> bids(events);
            case Q1 -> bids(events).map("to-euro", b -> b.withPrice(NexmarkQuery.toEuroCents(b.price())));
            case Q2 -> bids(events).<AuctionPrice>process("select", (b, ctx, out) -> {
                if (b.auction() % NexmarkQuery.Q2_AUCTION_MODULUS == 0) {
                    out.emit(new AuctionPrice(b.auction(), b.price()));
                }
            });
            case Q3 -> events.filter("sellers-and-auctions", e -> e instanceof Person p ? NexmarkQuery.isQ3Seller(p)
                            : e instanceof Auction a && a.category() == NexmarkQuery.Q3_CATEGORY)
                    .keyBy("by-person", WeirQueries::personId)
                    .process("join", new SellerAuctionJoin());
            case Q4 -> events.filter("auctions-and-bids", e -> !(e instanceof Person))
                    .keyBy("by-auction", WeirQueries::auctionId)
                    .process("close-auctions", new AuctionCloser())
                    .keyBy("by-category", w -> w.category())
                    .process("average", new CategoryRunningAverage());
            case Q5 -> bids(events).keyBy("by-auction", Bid::auction)
                    .window(SlidingWindows.of(NexmarkQuery.Q5_SIZE, NexmarkQuery.Q5_SLIDE))
                    .aggregate("count", new BidCount())
                    .keyBy("by-window", (WindowResult<Long, Long> r) -> r.window().endMillis())
                    .process("hottest", new HottestAuctions());
            case Q7 -> bids(events).keyBy("all", b -> 0L)
                    .window(TumblingWindows.of(NexmarkQuery.TUMBLING_SIZE))
                    .aggregate("highest", new HighestPrice())
                    .flatMap("rows", (WindowResult<Long, List<Bid>> r) -> r.value().stream()
                            .map(b -> new HighestBid(r.window().endMillis(), b)).toList());
            case Q8 -> events.filter("persons-and-auctions", e -> !(e instanceof Bid))
                    .keyBy("by-person", WeirQueries::personId)
                    .window(TumblingWindows.of(NexmarkQuery.TUMBLING_SIZE))
                    .aggregate("seen", new SellerSince())
                    .<NewSeller>process("sellers", (r, ctx, out) -> {
                        if (r.value() != null) {
                            out.emit(new NewSeller(r.key(), r.value().name(), r.window().startMillis()));
                        }
                    });
        };
    }

    /** Every stream of rows is a stream of {@link ResultRow}s; {@code DataStream} is invariant only because it is a Java class. */
    @SuppressWarnings("unchecked")
    public static DataStream<ResultRow> widen(DataStream<? extends ResultRow> rows) {
        return (DataStream<ResultRow>) rows;
    }

    private static DataStream<Bid> bids(DataStream<Event> events) {
        return events.<Bid>process("bids", (e, ctx, out) -> {
            if (e instanceof Bid b) {
                out.emit(b);
            }
        });
    }

    /** A person's id, or an auction's seller. */
    private static Long personId(Event e) {
        return e instanceof Person p ? p.id() : ((Auction) e).seller();
    }

    /** An auction's id, or a bid's auction. */
    private static Long auctionId(Event e) {
        return e instanceof Auction a ? a.id() : ((Bid) e).auction();
    }
}
