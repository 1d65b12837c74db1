package dev.weir.bench.nexmark.weir;

import dev.weir.bench.nexmark.Checksum;
import dev.weir.api.event.Headers;
import dev.weir.bench.nexmark.ResultRow;
import dev.weir.bench.nexmark.RunClock;
import dev.weir.runtime.sink.Sink;
import java.util.ArrayList;
import java.util.List;

/**
 * A sink that folds every result row into a {@link Checksum} (one accumulator per writer, combined on read) and
 * marks the end of input on the {@link RunClock}.
 */
public final class ChecksumSink implements Sink<ResultRow> {
    private final List<Checksum.Accumulator> writers = new ArrayList<>();

    @Override
    public synchronized SinkWriter<ResultRow> createWriter() {
        Checksum.Accumulator acc = new Checksum.Accumulator();
        writers.add(acc);
        return new SinkWriter<>() {
            @Override
            public void write(ResultRow value, long timestampMillis, Headers headers) {
                acc.add(value);
            }

            @Override
            public void endOfInput() {
                RunClock.ended();
            }
        };
    }

    /** The checksum of every row written; read after the engine has finished. */
    public synchronized Checksum checksum() {
        return writers.stream().map(Checksum.Accumulator::value).reduce(Checksum.EMPTY, Checksum::plus);
    }
}
