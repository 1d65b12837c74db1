package dev.weir.bench.nexmark.flink;

import dev.weir.bench.nexmark.Checksum;
import dev.weir.bench.nexmark.ResultRow;
import dev.weir.bench.nexmark.RunClock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * A Flink sink that folds every row into a {@link Checksum}. Flink runs a deserialized copy of the sink, so writers
 * publish their checksum, at the end of input, into a process-wide registry under the run's id (Flink runs
 * in this JVM).
 */
public final class FlinkChecksumSink<T extends ResultRow> implements Sink<T> {
    private static final long serialVersionUID = 1L;
    private static final ConcurrentMap<String, Checksum> RESULTS = new ConcurrentHashMap<>();

    private final String runId;

    public FlinkChecksumSink(String runId) {
        this.runId = runId;
    }

    /** The checksum of everything run {@code runId} wrote (empty if it wrote nothing); removes it. */
    public static Checksum take(String runId) {
        Checksum c = RESULTS.remove(runId);
        return c == null ? Checksum.EMPTY : c;
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        return new Writer<>(runId);
    }

    private static final class Writer<T extends ResultRow> implements SinkWriter<T> {
        private final String runId;
        private final Checksum.Accumulator acc = new Checksum.Accumulator();
        private boolean published;

        Writer(String runId) {
            this.runId = runId;
        }

        @Override
        public void write(T row, Context context) {
            acc.add(row);
        }

        @Override
        public void flush(boolean endOfInput) {
            if (endOfInput && !published) {
                RunClock.ended();
                publish();
            }
        }

        @Override
        public void close() {
            if (!published) {
                publish();
            }
        }

        private void publish() {
            published = true;
            RESULTS.merge(runId, acc.value(), Checksum::plus);
        }
    }
}
