package dev.weir.runtime.oracle;

import java.util.Collection;

/** The result of {@link CountSumAggregate}: how many elements a window holds and the sum of their values. */
public record CountSum(long count, long sum) {

    /** What the aggregate of {@code elements} must be, computed directly. */
    static CountSum of(Collection<Ev> elements) {
        return new CountSum(elements.size(), elements.stream().mapToLong(Ev::value).sum());
    }

    @Override
    public String toString() {
        return "n=" + count + ",sum=" + sum;
    }
}
