package dev.weir.runtime.spec;

import dev.weir.runtime.functions.FieldAccessor;
import dev.weir.runtime.watermark.TimestampAssigner;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Date;

/**
 * Reads event time from a field: a number (epoch milliseconds), an ISO-8601 instant string, an {@link Instant},
 * a {@link Date} or another temporal with an instant. A missing or unreadable timestamp fails the element.
 */
record FieldTimestamps(FieldAccessor accessor) implements TimestampAssigner<Object> {

    @Override
    public long timestampMillis(Object value, long sourceTimestamp) {
        Object ts = accessor.get(value);
        if (ts instanceof Number n) {
            return n.longValue();
        }
        if (ts instanceof String s) {
            try {
                return Instant.parse(s).toEpochMilli();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("timestamp field '" + accessor.path() + "' is neither epoch milliseconds"
                        + " nor an ISO-8601 instant: '" + s + "'", e);
            }
        }
        if (ts instanceof Instant i) {
            return i.toEpochMilli();
        }
        if (ts instanceof Date d) {
            return d.getTime();
        }
        if (ts instanceof TemporalAccessor t) {
            return Instant.from(t).toEpochMilli();
        }
        throw new IllegalArgumentException("timestamp field '" + accessor.path() + "' is "
                + (ts == null ? "missing or null" : "not a timestamp: " + ts));
    }
}
