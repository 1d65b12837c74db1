package dev.weir.runtime.spec.connector;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.weir.api.event.Headers;
import dev.weir.runtime.sink.Sink;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes each result's value as one JSON line. The file is replaced when the first writer opens and closed when the
 * last writer closes; writers of several engine threads share it, one whole line at a time.
 */
public final class JsonLinesSink implements Sink<Object> {
    private final Path file;
    private final ObjectWriter json;
    private BufferedWriter out;
    private int openWriters;
    private boolean started;

    public JsonLinesSink(Path file, ObjectMapper mapper) {
        this.file = file;
        this.json = mapper.writer();
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized SinkWriter<Object> createWriter() {
        try {
            if (out == null) {
                out = started
                        ? Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND)
                        : Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                started = true;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file, e);
        }
        openWriters++;
        return new SinkWriter<>() {
            @Override
            public void write(Object value, long timestampMillis, Headers headers) throws IOException {
                String line = json.writeValueAsString(value);
                synchronized (JsonLinesSink.this) {
                    out.write(line);
                    out.newLine();
                }
            }

            @Override
            public void flush() throws IOException {
                synchronized (JsonLinesSink.this) {
                    out.flush();
                }
            }

            @Override
            public void close() throws IOException {
                synchronized (JsonLinesSink.this) {
                    if (--openWriters == 0) {
                        out.close();
                        out = null;
                    } else {
                        out.flush();
                    }
                }
            }
        };
    }

    @Override
    public String toString() {
        return "JsonLinesSink(" + file + ")";
    }
}
