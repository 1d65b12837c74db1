package dev.weir.bench.nexmark.kafka;

import dev.weir.bench.nexmark.Auction;
import dev.weir.bench.nexmark.Bid;
import dev.weir.bench.nexmark.Event;
import dev.weir.bench.nexmark.Person;

/** A Nexmark event on a topic, as JSON: Nexmark's own envelope, exactly one of the three fields set. */
public record EventEnvelope(Person person, Auction auction, Bid bid) {
    public static EventEnvelope of(Event e) {
        if (e instanceof Person p) {
            return new EventEnvelope(p, null, null);
        } else if (e instanceof Auction a) {
            return new EventEnvelope(null, a, null);
        }
        return new EventEnvelope(null, null, (Bid) e);
    }

    public Event event() {
        return person != null ? person : auction != null ? auction : bid;
    }
}
