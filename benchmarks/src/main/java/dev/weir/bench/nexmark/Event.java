package dev.weir.bench.nexmark;

/** A Nexmark event: a {@link Person} registers, an {@link Auction} opens, or a {@link Bid} is placed. */
public sealed interface Event extends ResultRow permits Person, Auction, Bid {
    /** Event time, milliseconds since the epoch. */
    long dateTimeMillis();
}
