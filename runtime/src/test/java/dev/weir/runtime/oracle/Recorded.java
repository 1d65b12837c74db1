package dev.weir.runtime.oracle;

import dev.weir.api.event.Headers;
import dev.weir.runtime.sink.Sink;
import java.util.List;

/**
 * One record a sink received, in the order all sinks of a run received theirs.
 *
 * @param sink            the sink node's name
 * @param value           the record
 * @param timestampMillis its event timestamp
 */
public record Recorded(String sink, Object value, long timestampMillis) {

    @Override
    public String toString() {
        return sink + ":" + value + "@" + timestampMillis;
    }

    /** A sink appending to {@code out}, shared by all sinks of a run so the interleaving is recorded too. */
    public static <T> Sink<T> sink(String name, List<Recorded> out) {
        return () -> (T value, long ts, Headers headers) -> out.add(new Recorded(name, value, ts));
    }
}
