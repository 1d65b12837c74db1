package dev.weir.bench.nexmark.kafka.streams;

import dev.weir.bench.nexmark.Auction;
import java.util.ArrayList;
import java.util.List;

/** q3's store value: a seller's auctions that arrived before the seller. */
record Auctions(List<Auction> list) {
    static Auctions append(Auctions old, Auction a) {
        List<Auction> l = old == null ? new ArrayList<>() : new ArrayList<>(old.list);
        l.add(a);
        return new Auctions(l);
    }
}
