package dev.weir.bench.nexmark.weir;

import dev.weir.api.function.Collector;
import dev.weir.api.function.KeyedContext;
import dev.weir.api.function.KeyedFunction;
import dev.weir.api.state.ListState;
import dev.weir.api.state.ListStateDescriptor;
import dev.weir.api.state.ValueState;
import dev.weir.api.state.ValueStateDescriptor;
import dev.weir.bench.nexmark.Auction;
import dev.weir.bench.nexmark.Event;
import dev.weir.bench.nexmark.Person;
import dev.weir.bench.nexmark.SellerAuction;

/**
 * q3's incremental join, keyed by person id: keeps the (filtered) person and the auctions that arrived before it;
 * emits each (person, auction) pair once, as soon as both are there. State is kept to the end of input (the
 * generator's sellers may register after their auction arrives, and persons are never retracted).
 */
public final class SellerAuctionJoin implements KeyedFunction<Long, Event, SellerAuction> {
    static final ValueStateDescriptor<Person> PERSON = ValueStateDescriptor.of("person", Person.class);
    static final ListStateDescriptor<Auction> WAITING = ListStateDescriptor.of("waiting-auctions", Auction.class);

    @Override
    public void process(Event event, KeyedContext<Long> ctx, Collector<SellerAuction> out) {
        ValueState<Person> person = ctx.state().value(PERSON);
        if (event instanceof Person p) {
            person.update(p);
            ListState<Auction> waiting = ctx.state().list(WAITING);
            for (Auction a : waiting.get()) {
                out.emit(new SellerAuction(p.name(), p.city(), p.state(), a.id()));
            }
            waiting.clear();
        } else if (event instanceof Auction a) {
            Person p = person.value();
            if (p != null) {
                out.emit(new SellerAuction(p.name(), p.city(), p.state(), a.id()));
            } else {
                ctx.state().list(WAITING).add(a);
            }
        }
    }
}
