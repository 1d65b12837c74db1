package dev.weir.bench.nexmark.kafka.streams;

import dev.weir.bench.nexmark.Auction;
import dev.weir.bench.nexmark.Bid;
import dev.weir.bench.nexmark.WinningBid;
import dev.weir.bench.nexmark.kafka.EventEnvelope;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * q4's first step on Kafka Streams, keyed by auction id: the highest price among an auction's bids with event time
 * in {@code [opening, expiry)}; when the {@link StreamTimeWatermark watermark of the task's stream time} reaches
 * {@code expiry - 1}, it forwards a {@link Closing} keyed by category with that timestamp (if a bid counted) and
 * drops the auction. Auctions close in order of {@code expiry - 1} (a store ordered by it), so the next step sees
 * closing milliseconds in order. An end-of-input mark closes every auction, then is forwarded.
 *
 * <p>A bid for an auction not seen yet waits (only the highest price per auction and millisecond: whether a bid
 * counts depends on its time alone); a bid for an auction already closed is dropped: it cannot count, since
 * the auction closed only once the watermark passed its expiry, and the bid arrived after that, so (nothing is late)
 * its time is past the expiry. The ids of closed auctions are kept to the end of input. Same rows as Weir's and
 * Flink's {@code AuctionCloser}, which wait for a missing auction with an event-time timer per bid instead.
 *
 * <p>Processor API, not the DSL: an auction's window is its own {@code [opening, expiry)}, from data; no DSL window
 * expresses it.
 */
final class AuctionCloser implements Processor<Long, EventEnvelope, Integer, Closing> {
    static final String OPEN = "q4-open-auctions";
    static final String BY_CLOSE = "q4-auctions-by-close";
    static final String EARLY = "q4-early-bids";
    static final String CLOSED = "q4-closed-auctions";
    /** The key of a forwarded end-of-input mark (no category). */
    static final int MARK_KEY = -1;

    private ProcessorContext<Integer, Closing> context;
    private KeyValueStore<Long, OpenAuction> open;
    private KeyValueStore<Bytes, Long> byClose;
    /** (auction, bid time) to the highest price of the early bids of that auction and millisecond. */
    private KeyValueStore<Bytes, Long> early;
    private KeyValueStore<Long, Boolean> closed;

    static ProcessorSupplier<Long, EventEnvelope, Integer, Closing> supplier() {
        return new ProcessorSupplier<>() {
            @Override
            public Processor<Long, EventEnvelope, Integer, Closing> get() {
                return new AuctionCloser();
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(
                        Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(OPEN), Serdes.Long(),
                                StreamsJson.serde(OpenAuction.class)),
                        Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(BY_CLOSE), Serdes.Bytes(),
                                Serdes.Long()),
                        Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(EARLY), Serdes.Bytes(),
                                Serdes.Long()),
                        Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(CLOSED), Serdes.Long(),
                                Serdes.Boolean()));
            }
        };
    }

    @Override
    public void init(ProcessorContext<Integer, Closing> context) {
        this.context = context;
        open = context.getStateStore(OPEN);
        byClose = context.getStateStore(BY_CLOSE);
        early = context.getStateStore(EARLY);
        closed = context.getStateStore(CLOSED);
    }

    @Override
    public void process(Record<Long, EventEnvelope> r) {
        if (r.value().event() instanceof Auction a) {
            OpenAuction state = new OpenAuction(a, null);
            List<KeyValue<Bytes, Long>> waiting = new ArrayList<>();
            try (KeyValueIterator<Bytes, Long> it = early.range(PairKey.first(a.id()), PairKey.last(a.id()))) {
                it.forEachRemaining(waiting::add);
            }
            for (KeyValue<Bytes, Long> e : waiting) {
                early.delete(e.key);
                state = state.withBid(PairKey.secondOf(e.key), e.value);
            }
            open.put(a.id(), state);
            byClose.put(PairKey.of(a.expiresMillis() - 1, a.id()), a.id());
        } else if (r.value().event() instanceof Bid b) {
            OpenAuction state = open.get(b.auction());
            if (state != null) {
                OpenAuction updated = state.withBid(b.dateTimeMillis(), b.price());
                if (updated != state) {
                    open.put(b.auction(), updated);
                }
            } else if (closed.get(b.auction()) == null) {
                Bytes key = PairKey.of(b.auction(), b.dateTimeMillis());
                Long price = early.get(key);
                if (price == null || b.price() > price) {
                    early.put(key, b.price());
                }
            }
        }
        long streamTime = Math.max(context.currentStreamTimeMs(), r.timestamp());
        closeUpTo(StreamTimeWatermark.of(streamTime));
        if (r.value().isEndMark()) {
            context.forward(new Record<>(MARK_KEY, new Closing(null), r.timestamp()));
        }
    }

    /** Closes the auctions whose last open millisecond is at or before {@code watermarkMillis}, in that order. */
    private void closeUpTo(long watermarkMillis) {
        List<KeyValue<Bytes, Long>> due = new ArrayList<>();
        try (KeyValueIterator<Bytes, Long> it = byClose.range(PairKey.first(0), PairKey.last(watermarkMillis))) {
            it.forEachRemaining(due::add);
        }
        for (KeyValue<Bytes, Long> e : due) {
            byClose.delete(e.key);
            OpenAuction state = open.delete(e.value);
            closed.put(e.value, true);
            if (state != null && state.maxPrice() != null) {
                Auction a = state.auction();
                context.forward(new Record<>(a.category(),
                        new Closing(new WinningBid(a.id(), a.category(), state.maxPrice())), a.expiresMillis() - 1));
            }
        }
    }
}
