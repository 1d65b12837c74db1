package dev.weir.runtime.sink;

import java.util.concurrent.atomic.LongAdder;

/** Counts results and discards them: the sink of benchmarks. */
public final class CountingSink<T> implements Sink<T> {
    private final LongAdder count = new LongAdder();

    @Override
    public SinkWriter<T> createWriter() {
        return new SinkWriter<>() {
            private long local;

            @Override
            public void write(T value, long timestampMillis, dev.weir.api.event.Headers headers) {
                local++;
            }

            @Override
            public void flush() {
                count.add(local);
                local = 0;
            }

            @Override
            public void close() {
                flush();
            }
        };
    }

    public long count() {
        return count.sum();
    }
}
