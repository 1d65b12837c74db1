package dev.weir.bench.nexmark.kafka.streams;

/** q4's store value: a number of auctions and the sum of their winning prices (cents). */
record CountSum(long count, long sum) {
    static final CountSum ZERO = new CountSum(0, 0);

    CountSum plus(CountSum o) {
        return new CountSum(count + o.count, sum + o.sum);
    }
}
