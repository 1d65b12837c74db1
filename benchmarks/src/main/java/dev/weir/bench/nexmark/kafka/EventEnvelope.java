package dev.weir.bench.nexmark.kafka;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.weir.bench.nexmark.Auction;
import dev.weir.bench.nexmark.Bid;
import dev.weir.bench.nexmark.Event;
import dev.weir.bench.nexmark.Person;

/**
 * A record of the input topic, as JSON: a Nexmark event (Nexmark's own envelope, exactly one of {@code person},
 * {@code auction}, {@code bid} set) or an {@link EndOfInput end-of-input mark} ({@code endMarkMillis} set, no event).
 *
 * @param endMarkMillis a mark's event time, milliseconds since the epoch; null for events
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventEnvelope(Person person, Auction auction, Bid bid, Long endMarkMillis) {
    public static EventEnvelope of(Event e) {
        if (e instanceof Person p) {
            return new EventEnvelope(p, null, null, null);
        } else if (e instanceof Auction a) {
            return new EventEnvelope(null, a, null, null);
        }
        return new EventEnvelope(null, null, (Bid) e, null);
    }

    /** An end-of-input mark at event time {@code millis}. */
    public static EventEnvelope endMark(long millis) {
        return new EventEnvelope(null, null, null, millis);
    }

    /** Whether this is an end-of-input mark (no event). */
    @JsonIgnore
    public boolean isEndMark() {
        return endMarkMillis != null;
    }

    /** The event; null for a mark. */
    public Event event() {
        return person != null ? person : auction != null ? auction : bid;
    }

    /** Event time: the event's, or the mark's. */
    @JsonIgnore
    public long timeMillis() {
        return isEndMark() ? endMarkMillis : event().dateTimeMillis();
    }
}
