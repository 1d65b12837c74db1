package dev.weir.bench.nexmark;

/**
 * q4's row: the running average winning price of a category after the auctions that closed at event time
 * {@code closedAtMillis}.
 *
 * @param category       the category
 * @param closedAtMillis the auctions' last open millisecond ({@code expires - 1}), event time
 * @param auctions       auctions of the category closed with a winning bid at or before {@code closedAtMillis}
 * @param priceSum       the sum of their winning prices, cents
 */
public record CategoryAverage(int category, long closedAtMillis, long auctions, long priceSum) implements ResultRow {
    /** The average winning price, cents. */
    public double average() {
        return (double) priceSum / auctions;
    }

    @Override
    public long hash64() {
        return Hashing.of(14, category, closedAtMillis, auctions, priceSum);
    }
}
