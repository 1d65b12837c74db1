package dev.weir.bench.nexmark.weir;

import dev.weir.api.window.AggregateFunction;
import dev.weir.bench.nexmark.Auction;
import dev.weir.bench.nexmark.Event;
import dev.weir.bench.nexmark.Person;

/**
 * q8's window aggregate, keyed by person id: the person who registered in the window (if any) and whether they
 * opened an auction in it. The result is the person when both happened, else {@code null}.
 */
public final class SellerSince implements AggregateFunction<Event, SellerSince.Seen, Person> {
    /** What one window saw of one person id. */
    public static final class Seen {
        Person person;
        boolean sold;
    }

    @Override
    public Seen createAccumulator() {
        return new Seen();
    }

    @Override
    public Seen add(Event event, Seen seen) {
        if (event instanceof Person p) {
            seen.person = p;
        } else if (event instanceof Auction) {
            seen.sold = true;
        }
        return seen;
    }

    @Override
    public Seen merge(Seen a, Seen b) {
        if (b.person != null) {
            a.person = b.person;
        }
        a.sold |= b.sold;
        return a;
    }

    @Override
    public Person result(Seen seen) {
        return seen.sold ? seen.person : null;
    }
}
