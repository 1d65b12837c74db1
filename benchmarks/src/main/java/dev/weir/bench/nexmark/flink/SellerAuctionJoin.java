package dev.weir.bench.nexmark.flink;

import dev.weir.bench.nexmark.Auction;
import dev.weir.bench.nexmark.Person;
import dev.weir.bench.nexmark.SellerAuction;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/** q3's incremental join on Flink, keyed by person id: the same state and emissions as Weir's. */
final class SellerAuctionJoin extends KeyedCoProcessFunction<Long, Person, Auction, SellerAuction> {
    private static final long serialVersionUID = 1L;
    private transient ValueState<Person> person;
    private transient ListState<Auction> waiting;

    @Override
    public void open(OpenContext openContext) {
        person = getRuntimeContext().getState(new ValueStateDescriptor<>("person", Person.class));
        waiting = getRuntimeContext().getListState(new ListStateDescriptor<>("waiting-auctions", Auction.class));
    }

    @Override
    public void processElement1(Person p, Context ctx, Collector<SellerAuction> out) throws Exception {
        person.update(p);
        Iterable<Auction> early = waiting.get();
        if (early != null) {
            for (Auction a : early) {
                out.collect(new SellerAuction(p.name(), p.city(), p.state(), a.id()));
            }
        }
        waiting.clear();
    }

    @Override
    public void processElement2(Auction a, Context ctx, Collector<SellerAuction> out) throws Exception {
        Person p = person.value();
        if (p != null) {
            out.collect(new SellerAuction(p.name(), p.city(), p.state(), a.id()));
        } else {
            waiting.add(a);
        }
    }
}
