package dev.weir.runtime.spec.connector;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.weir.api.event.Headers;
import dev.weir.runtime.source.ReadStatus;
import dev.weir.runtime.source.RecordSink;
import dev.weir.runtime.source.Source;
import dev.weir.runtime.source.SourceReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A bounded, single-partition source over a file of JSON lines, each bound to {@code type} (a Jackson
 * {@code JsonNode}, or any class Jackson can bind). Blank lines are skipped. The file is opened when reading starts.
 * Lines carry no timestamp: the source timestamp is 0, so a timestamp assigner must supply event time. A line that
 * is not valid JSON fails with the file name and line number.
 */
public final class JsonLinesSource<T> implements Source<T> {
    private final Path file;
    private final Class<T> type;
    private final ObjectReader reader;

    public JsonLinesSource(Path file, Class<T> type, ObjectMapper mapper) {
        this.file = Objects.requireNonNull(file);
        this.type = Objects.requireNonNull(type);
        this.reader = mapper.readerFor(type);
    }

    public Path file() {
        return file;
    }

    @Override
    public int partitions() {
        return 1;
    }

    @Override
    public Class<T> type() {
        return type;
    }

    @Override
    public SourceReader<T> createReader(int partition) {
        return new SourceReader<>() {
            private BufferedReader in;
            private long lineNumber;

            @Override
            public ReadStatus poll(RecordSink<T> sink, int maxRecords) throws IOException {
                if (in == null) {
                    in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                }
                for (int n = 0; n < maxRecords; ) {
                    String line = in.readLine();
                    if (line == null) {
                        return n == 0 ? ReadStatus.END_OF_INPUT : ReadStatus.MORE;
                    }
                    lineNumber++;
                    if (!line.isBlank()) {
                        sink.record(parse(line), 0L, Headers.EMPTY);
                        n++;
                    }
                }
                return ReadStatus.MORE;
            }

            private T parse(String line) throws IOException {
                try {
                    return reader.readValue(line);
                } catch (JsonProcessingException e) {
                    throw new IOException(file + ":" + lineNumber + ": " + e.getOriginalMessage(), e);
                }
            }

            @Override
            public void close() throws IOException {
                if (in != null) {
                    in.close();
                }
            }
        };
    }

    @Override
    public String toString() {
        return "JsonLinesSource(" + file + ", " + type.getSimpleName() + ")";
    }
}
