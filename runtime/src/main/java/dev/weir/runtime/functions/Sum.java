package dev.weir.runtime.functions;

import dev.weir.api.metadata.Param;
import dev.weir.api.metadata.WeirFunction;
import dev.weir.api.window.AggregateFunction;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Adds up a numeric field (read with a {@link FieldAccessor}) over each window. The result is a {@code Long} while
 * every value was an integer and the sum fits in a long, and a {@code Double} otherwise. A value whose field is
 * missing or not a number fails (the pipeline's error policy decides what happens to it).
 */
@WeirFunction(name = "sum", version = "1.0.0", config = Sum.Config.class,
        description = "Adds up a numeric field over each window")
public final class Sum implements AggregateFunction<Object, Sum.Accumulator, Number> {

    /** @param field the numeric field to add up */
    public record Config(@Param(description = "The numeric field to add up; 'a.b' reads field b of field a") String field) {
    }

    /**
     * A running sum, immutable.
     *
     * @param exact      the sum as a long; meaningful while {@code fractional} is false
     * @param approx     the sum as a double, always kept
     * @param fractional whether a non-integer value was added or the long sum overflowed
     */
    public record Accumulator(long exact, double approx, boolean fractional) {
        static final Accumulator ZERO = new Accumulator(0, 0.0, false);

        Accumulator plus(long v) {
            if (fractional) {
                return new Accumulator(0, approx + v, true);
            }
            try {
                return new Accumulator(Math.addExact(exact, v), approx + v, false);
            } catch (ArithmeticException overflow) {
                return new Accumulator(0, approx + v, true);
            }
        }

        Accumulator plus(double v) {
            return new Accumulator(0, approx + v, true);
        }

        Accumulator plus(Accumulator o) {
            if (fractional || o.fractional) {
                return new Accumulator(0, approx + o.approx, true);
            }
            try {
                return new Accumulator(Math.addExact(exact, o.exact), approx + o.approx, false);
            } catch (ArithmeticException overflow) {
                return new Accumulator(0, approx + o.approx, true);
            }
        }

        Number value() {
            return fractional ? (Number) approx : (Number) exact;
        }
    }

    private final FieldAccessor accessor;

    public Sum(Config config) {
        this.accessor = FieldAccessor.of(config.field());
    }

    public static Sum of(String field) {
        return new Sum(new Config(field));
    }

    @Override
    public Accumulator createAccumulator() {
        return Accumulator.ZERO;
    }

    @Override
    public Accumulator add(Object value, Accumulator accumulator) {
        Object v = accessor.get(value);
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return accumulator.plus(((Number) v).longValue());
        }
        if (v instanceof BigInteger b && b.bitLength() < 64) {
            return accumulator.plus(b.longValue());
        }
        if (v instanceof BigDecimal d && d.stripTrailingZeros().scale() <= 0 && d.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0) {
            return accumulator.plus(d.longValue());
        }
        if (v instanceof Number n) {
            return accumulator.plus(n.doubleValue());
        }
        throw new IllegalArgumentException("sum: field '" + accessor.path() + "' is "
                + (v == null ? "missing or null" : "not a number ('" + Values.brief(v) + "')") + " in " + Values.brief(value));
    }

    @Override
    public Accumulator merge(Accumulator a, Accumulator b) {
        return a.plus(b);
    }

    @Override
    public Number result(Accumulator accumulator) {
        return accumulator.value();
    }

    @Override
    public String toString() {
        return "Sum(" + accessor.path() + ")";
    }
}
