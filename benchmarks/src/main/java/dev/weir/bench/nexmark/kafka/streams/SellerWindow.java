package dev.weir.bench.nexmark.kafka.streams;

import dev.weir.bench.nexmark.Auction;
import dev.weir.bench.nexmark.Person;
import dev.weir.bench.nexmark.kafka.EventEnvelope;

/**
 * q8's window aggregate, per person and tumbling window: the person's name if they registered in the window (null
 * otherwise) and whether they opened an auction in it.
 */
record SellerWindow(String name, boolean sold) {
    static SellerWindow empty() {
        return new SellerWindow(null, false);
    }

    SellerWindow add(EventEnvelope e) {
        if (e.event() instanceof Person p) {
            return new SellerWindow(p.name(), sold);
        } else if (e.event() instanceof Auction) {
            return new SellerWindow(name, true);
        }
        return this;
    }

    /** Registered and sold in the same window. */
    boolean isNewSeller() {
        return name != null && sold;
    }
}
