package dev.weir.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.api.event.Event;
import dev.weir.api.window.SessionWindows;
import dev.weir.api.window.SlidingWindows;
import dev.weir.api.window.TumblingWindows;
import dev.weir.api.window.WindowResult;
import dev.weir.api.window.WindowSpec;
import dev.weir.runtime.engine.LocalEngine;
import dev.weir.runtime.sink.CollectSink;
import dev.weir.runtime.sink.CountingSink;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The benchmark queries do the work they claim: their results equal a brute-force computation over the bids. */
class QueryOutputTest {
    private static final long EVENTS = 100_000;
    /** 9 s past a 10 s boundary, so the ~1.5 s of event time cross tumbling and sliding window ends. */
    private static final BidGenerator GENERATOR =
            new BidGenerator(BidGenerator.STANDARD_BASE_MILLIS + 9_000, BidGenerator.STANDARD_AUCTIONS, 7);

    private record WindowKey(long auction, long startMillis, long endMillis) {
    }

    @ParameterizedTest
    @EnumSource(Query.class)
    void outputCountEqualsBruteForceCount(Query query) throws Exception {
        CountingSink<Object> sink = new CountingSink<>();

        new LocalEngine().run(query.graph(GENERATOR, EVENTS, sink));

        assertThat(sink.count()).isEqualTo(ExpectedOutputs.count(query, GENERATOR, EVENTS));
    }

    @ParameterizedTest
    @EnumSource(value = Query.class, names = {"TUMBLING", "SLIDING", "SESSION"})
    void everyWindowCountEqualsBruteForce(Query query) throws Exception {
        CollectSink<Object> sink = new CollectSink<>();

        new LocalEngine().run(query.graph(GENERATOR, EVENTS, sink));

        Map<WindowKey, Long> actual = new HashMap<>();
        for (Event<Void, Object> e : sink.events()) {
            WindowResult<?, ?> r = (WindowResult<?, ?>) e.value();
            WindowKey k = new WindowKey((Long) r.key(), r.window().startMillis(), r.window().endMillis());
            assertThat(actual.put(k, (Long) r.value())).as("second result for %s", k).isNull();
            assertThat(e.timestampMillis()).isEqualTo(r.window().maxTimestampMillis());
        }
        assertThat(actual).isEqualTo(bruteForce(query.window().orElseThrow()));
    }

    private static Map<WindowKey, Long> bruteForce(WindowSpec spec) {
        Map<WindowKey, Long> expected = new HashMap<>();
        if (spec instanceof SessionWindows s) {
            sessions(s.gap().toMillis(), expected);
            return expected;
        }
        long size = spec instanceof TumblingWindows t ? t.size().toMillis() : ((SlidingWindows) spec).size().toMillis();
        long slide = spec instanceof SlidingWindows s ? s.slide().toMillis() : size;
        for (long i = 0; i < EVENTS; i++) {
            Bid bid = GENERATOR.generate(i);
            long ts = bid.dateTimeMillis();
            for (long start = Math.floorDiv(ts, slide) * slide; start > ts - size; start -= slide) {
                expected.merge(new WindowKey(bid.auction(), start, start + size), 1L, Long::sum);
            }
        }
        return expected;
    }

    private static void sessions(long gap, Map<WindowKey, Long> expected) {
        Map<Long, List<Long>> times = new HashMap<>();
        for (long i = 0; i < EVENTS; i++) {
            Bid bid = GENERATOR.generate(i);
            times.computeIfAbsent(bid.auction(), k -> new ArrayList<>()).add(bid.dateTimeMillis());
        }
        times.forEach((auction, ts) -> {
            ts.sort(null);
            int first = 0;
            for (int k = 1; k <= ts.size(); k++) {
                if (k == ts.size() || ts.get(k) - ts.get(k - 1) > gap) {
                    expected.put(new WindowKey(auction, ts.get(first), ts.get(k - 1) + gap), (long) (k - first));
                    first = k;
                }
            }
        });
    }
}
