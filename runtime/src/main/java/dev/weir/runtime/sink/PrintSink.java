package dev.weir.runtime.sink;

import java.io.PrintStream;
import java.time.Instant;

/** Prints each result as {@code <prefix><event time> <value>} on a stream (stdout by default). */
public final class PrintSink<T> implements Sink<T> {
    private final PrintStream out;
    private final String prefix;

    public PrintSink(PrintStream out, String prefix) {
        this.out = out;
        this.prefix = prefix;
    }

    public static <T> PrintSink<T> stdout(String prefix) {
        return new PrintSink<>(System.out, prefix);
    }

    @Override
    public SinkWriter<T> createWriter() {
        return new SinkWriter<>() {
            @Override
            public void write(T value, long ts, dev.weir.api.event.Headers headers) {
                out.println(prefix + Instant.ofEpochMilli(ts) + " " + value);
            }

            @Override
            public void flush() {
                out.flush();
            }
        };
    }
}
