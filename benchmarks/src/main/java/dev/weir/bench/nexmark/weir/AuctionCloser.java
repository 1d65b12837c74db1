package dev.weir.bench.nexmark.weir;

import dev.weir.api.function.Collector;
import dev.weir.api.function.KeyedContext;
import dev.weir.api.function.KeyedFunction;
import dev.weir.api.function.TimerContext;
import dev.weir.api.state.ListState;
import dev.weir.api.state.ListStateDescriptor;
import dev.weir.api.state.ValueState;
import dev.weir.api.state.ValueStateDescriptor;
import dev.weir.bench.nexmark.Auction;
import dev.weir.bench.nexmark.Bid;
import dev.weir.bench.nexmark.Event;
import dev.weir.bench.nexmark.WinningBid;
import java.time.Instant;

/**
 * q4, first step, keyed by auction id: the highest price among the auction's bids with event time in
 * {@code [opening, expiry)}; when the watermark reaches {@code expiry - 1} it emits a {@link WinningBid} (if any bid
 * counted) with that timestamp and drops the auction's state.
 *
 * <p>A bid that arrives before its auction waits, with an event-time timer at its own time: once the watermark
 * reaches it, every auction opened at or before the bid has arrived (nothing is late), so if the auction is still
 * missing the bid cannot count (the auction opens later, or it closed before the bid) and is dropped.
 */
public final class AuctionCloser implements KeyedFunction<Long, Event, WinningBid> {
    static final ValueStateDescriptor<Auction> AUCTION = ValueStateDescriptor.of("auction", Auction.class);
    static final ValueStateDescriptor<Long> MAX_PRICE = ValueStateDescriptor.of("max-price", Long.class);
    static final ListStateDescriptor<Bid> EARLY_BIDS = ListStateDescriptor.of("early-bids", Bid.class);

    @Override
    public void process(Event event, KeyedContext<Long> ctx, Collector<WinningBid> out) {
        ValueState<Long> max = ctx.state().value(MAX_PRICE);
        if (event instanceof Auction a) {
            ctx.state().value(AUCTION).update(a);
            ListState<Bid> early = ctx.state().list(EARLY_BIDS);
            long best = -1;
            for (Bid b : early.get()) {
                if (a.isOpenAt(b.dateTimeMillis())) {
                    best = Math.max(best, b.price());
                }
            }
            early.clear();
            if (best >= 0) {
                max.update(best);
            }
            ctx.timers().registerEventTimeTimer(Instant.ofEpochMilli(a.expiresMillis() - 1));
        } else if (event instanceof Bid b) {
            Auction a = ctx.state().value(AUCTION).value();
            if (a == null) {
                ctx.state().list(EARLY_BIDS).add(b);
                ctx.timers().registerEventTimeTimer(Instant.ofEpochMilli(b.dateTimeMillis()));
            } else if (a.isOpenAt(b.dateTimeMillis())) {
                Long current = max.value();
                if (current == null || b.price() > current) {
                    max.update(b.price());
                }
            }
        }
    }

    @Override
    public void onTimer(TimerContext<Long> ctx, Collector<WinningBid> out) {
        ValueState<Auction> auction = ctx.state().value(AUCTION);
        Auction a = auction.value();
        if (a == null) {
            ctx.state().list(EARLY_BIDS).clear();
        } else if (ctx.timestampMillis() == a.expiresMillis() - 1) {
            ValueState<Long> max = ctx.state().value(MAX_PRICE);
            Long price = max.value();
            if (price != null) {
                out.emit(new WinningBid(a.id(), a.category(), price));
            }
            auction.clear();
            max.clear();
        }
    }
}
