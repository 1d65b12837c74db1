package dev.weir.bench.state;

import dev.weir.api.event.Headers;
import dev.weir.runtime.sink.Sink;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts results and remembers when the first one arrived ({@link System#nanoTime()}): the keyed count emits
 * nothing until its window fires at the end of input, so the first result separates ingest from firing. Both are
 * gauges another thread may read.
 */
final class TimedCountingSink implements Sink<Object> {
    private final AtomicLong count = new AtomicLong();
    private final AtomicLong firstNanos = new AtomicLong();

    @Override
    public SinkWriter<Object> createWriter() {
        return new SinkWriter<>() {
            private long local;

            @Override
            public void write(Object value, long timestampMillis, Headers headers) {
                if (local == 0 && firstNanos.get() == 0) {
                    firstNanos.set(System.nanoTime());
                }
                local++;
                if ((local & 0xFFFF) == 0) {
                    count.lazySet(local);
                }
            }

            @Override
            public void flush() {
                count.set(local);
            }

            @Override
            public void close() {
                flush();
            }
        };
    }

    long count() {
        return count.get();
    }

    /** {@link System#nanoTime()} of the first result, 0 if none yet. */
    long firstResultNanos() {
        return firstNanos.get();
    }
}
