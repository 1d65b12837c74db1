package dev.weir.bench.nexmark;

import dev.weir.runtime.sink.Sink;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Collects every row a Weir pipeline writes. */
final class RowsSink implements Sink<ResultRow> {
    private final List<ResultRow> rows = Collections.synchronizedList(new ArrayList<>());

    @Override
    public SinkWriter<ResultRow> createWriter() {
        return (value, timestampMillis, headers) -> rows.add(value);
    }

    List<ResultRow> rows() {
        return rows;
    }
}
