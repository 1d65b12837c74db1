package dev.weir.bench.nexmark.kafka.streams;

import dev.weir.bench.nexmark.Auction;
import dev.weir.bench.nexmark.Person;
import dev.weir.bench.nexmark.SellerAuction;
import dev.weir.bench.nexmark.kafka.EventEnvelope;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * q3's incremental join on Kafka Streams, keyed by seller (person id): keeps the (filtered) person and the auctions
 * that arrived before it, and emits each (person, auction) pair once, as soon as both are there (as Weir's and
 * Flink's {@code SellerAuctionJoin}). State is kept to the end of input; end-of-input marks are ignored (no time).
 *
 * <p>Processor API, not the DSL: a stream-stream join needs a bounded join window (q3 has none: a seller may
 * register after their auction, and stays), and a table-table (foreign-key) join emits updates and tombstones of a
 * changing result rather than each pair once.
 */
final class SellerAuctionJoin implements Processor<Long, EventEnvelope, Long, SellerAuction> {
    static final String PERSONS = "q3-persons";
    static final String WAITING = "q3-waiting-auctions";

    private ProcessorContext<Long, SellerAuction> context;
    private KeyValueStore<Long, Person> persons;
    /** (seller, auction id) to the auction: auctions waiting for their seller. */
    private KeyValueStore<Bytes, Auction> waiting;

    static ProcessorSupplier<Long, EventEnvelope, Long, SellerAuction> supplier() {
        return new ProcessorSupplier<>() {
            @Override
            public Processor<Long, EventEnvelope, Long, SellerAuction> get() {
                return new SellerAuctionJoin();
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(
                        Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(PERSONS), Serdes.Long(),
                                StreamsJson.serde(Person.class)),
                        Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(WAITING), Serdes.Bytes(),
                                StreamsJson.serde(Auction.class)));
            }
        };
    }

    @Override
    public void init(ProcessorContext<Long, SellerAuction> context) {
        this.context = context;
        persons = context.getStateStore(PERSONS);
        waiting = context.getStateStore(WAITING);
    }

    @Override
    public void process(Record<Long, EventEnvelope> r) {
        if (r.value().event() instanceof Person p) {
            persons.put(p.id(), p);
            List<KeyValue<Bytes, Auction>> early = new ArrayList<>();
            try (KeyValueIterator<Bytes, Auction> it = waiting.range(PairKey.first(p.id()), PairKey.last(p.id()))) {
                it.forEachRemaining(early::add);
            }
            for (KeyValue<Bytes, Auction> e : early) {
                waiting.delete(e.key);
                emit(r, p, e.value);
            }
        } else if (r.value().event() instanceof Auction a) {
            Person p = persons.get(a.seller());
            if (p != null) {
                emit(r, p, a);
            } else {
                waiting.put(PairKey.of(a.seller(), a.id()), a);
            }
        }
    }

    private void emit(Record<Long, EventEnvelope> cause, Person p, Auction a) {
        context.forward(cause.withValue(new SellerAuction(p.name(), p.city(), p.state(), a.id())));
    }
}
