package dev.weir.runtime.spec.connector;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weir.api.event.Headers;
import dev.weir.runtime.sink.Sink;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Objects;

/**
 * Prints each result as one line {@code <prefix><event time> <value>} ({@code end-of-time} for results of global
 * windows) to a writer (the CLI's standard output), the
 * value as {@code toString()} or as JSON. Lines of several engine threads do not interleave.
 */
public final class PrintWriterSink implements Sink<Object> {
    private final PrintWriter out;
    private final String prefix;
    private final SinkConnectorSpec.Format format;
    private final ObjectMapper mapper;

    public PrintWriterSink(PrintWriter out, String prefix, SinkConnectorSpec.Format format, ObjectMapper mapper) {
        this.out = Objects.requireNonNull(out);
        this.prefix = Objects.requireNonNull(prefix);
        this.format = Objects.requireNonNull(format);
        this.mapper = Objects.requireNonNull(mapper);
    }

    @Override
    public SinkWriter<Object> createWriter() {
        return new SinkWriter<>() {
            @Override
            public void write(Object value, long timestampMillis, Headers headers) {
                out.println(prefix + time(timestampMillis) + " " + render(value));
            }

            @Override
            public void flush() {
                out.flush();
            }

            @Override
            public void close() {
                out.flush();
            }
        };
    }

    /** The event time; a global window's results carry the end of time, printed as such. */
    private static String time(long timestampMillis) {
        return timestampMillis == Long.MAX_VALUE ? "end-of-time" : Instant.ofEpochMilli(timestampMillis).toString();
    }

    private String render(Object value) {
        if (format == SinkConnectorSpec.Format.TEXT) {
            return String.valueOf(value);
        }
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }

    @Override
    public String toString() {
        return "PrintWriterSink(prefix='" + prefix + "', " + format + ")";
    }
}
