package dev.weir.runtime.window;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.api.event.Event;
import dev.weir.api.event.Headers;
import dev.weir.api.window.PaneInfo;
import dev.weir.api.window.SessionWindows;
import dev.weir.api.window.SlidingWindows;
import dev.weir.api.window.TumblingWindows;
import dev.weir.api.window.WindowResult;
import dev.weir.api.window.WindowSpec;
import dev.weir.runtime.engine.LocalEngine;
import dev.weir.runtime.pipeline.Pipeline;
import dev.weir.runtime.sink.Sink;
import dev.weir.runtime.source.ReadStatus;
import dev.weir.runtime.source.RecordSink;
import dev.weir.runtime.source.Source;
import dev.weir.runtime.source.SourceReader;
import dev.weir.runtime.testing.FunctionTestHarness;
import dev.weir.runtime.testing.FunctionTestHarness.WindowOptions;
import dev.weir.runtime.time.ManualClock;
import dev.weir.runtime.watermark.WatermarkStrategy;
import dev.weir.runtime.window.WindowFunctions.Count;
import dev.weir.runtime.window.WindowFunctions.Fired;
import dev.weir.runtime.window.WindowFunctions.Firings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * Processing-time windows: elements are assigned by the engine clock (the harness clock starts at 0), not by their
 * event timestamps; windows fire when the clock reaches their end, never by the watermark; windows still pending
 * when a bounded input ends fire then, so nothing is lost. Event timestamps in these tests are deliberately far from
 * the clock to show they are ignored.
 */
class ProcessingTimeWindowsTest {
    private static final long FAR_EVENT_TIME = 5_000_000;

    private static FunctionTestHarness<String, WindowResult<String, Long>> counting(WindowSpec spec) {
        return FunctionTestHarness.window(spec, (String s) -> "k", new Count<String>(), WindowOptions.defaults());
    }

    private static List<String> panes(FunctionTestHarness<String, WindowResult<String, Long>> h) {
        return h.output().stream().map(ProcessingTimeWindowsTest::describe).toList();
    }

    private static String describe(Event<Void, WindowResult<String, Long>> e) {
        WindowResult<String, Long> r = e.value();
        return "[" + r.window().startMillis() + "," + r.window().endMillis() + ") " + r.pane().timing() + "#"
                + r.pane().index() + " n=" + r.value() + " @" + e.timestampMillis();
    }

    private static void advanceClockTo(FunctionTestHarness<?, ?> h, long millis) {
        h.advanceProcessingTime(Duration.ofMillis(millis - h.processingTimeMillis()));
    }

    @Test
    void tumblingWindowAssignsByTheClockAndFiresWhenTheClockReachesItsEndNotByTheWatermark() {
        var h = counting(TumblingWindows.of(Duration.ofSeconds(10)).inProcessingTime());
        h.processElement("a", FAR_EVENT_TIME);
        advanceClockTo(h, 5_000);
        h.processElement("b", 1);
        h.advanceWatermark(1_000_000_000);
        advanceClockTo(h, 9_998);
        assertThat(panes(h)).as("neither the watermark nor the clock before the end fires it").isEmpty();

        advanceClockTo(h, 10_000);
        h.processElement("c", FAR_EVENT_TIME);
        advanceClockTo(h, 20_000);

        assertThat(panes(h)).containsExactly("[0,10000) ON_TIME#0 n=2 @9999", "[10000,20000) ON_TIME#0 n=1 @19999");
        assertThat(h.stateEntryCount()).isZero();
    }

    @Test
    void slidingWindowsAssignByTheClockWithAnAggregateAndWithAProcessFunction() {
        var aggregate = counting(SlidingWindows.of(Duration.ofSeconds(10), Duration.ofSeconds(5)).inProcessingTime());
        var process = FunctionTestHarness.processWindow(
                SlidingWindows.of(Duration.ofSeconds(10), Duration.ofSeconds(5)).inProcessingTime(), (String s) -> "k",
                new Firings<String, String>(), WindowOptions.defaults());
        for (FunctionTestHarness<String, ?> h : List.of(aggregate, process)) {
            advanceClockTo(h, 7_000);
            h.processElement("a", FAR_EVENT_TIME);
            advanceClockTo(h, 12_000);
            h.processElement("b", FAR_EVENT_TIME);
            advanceClockTo(h, 16_000);
            advanceClockTo(h, 25_000);
        }

        assertThat(panes(aggregate)).containsExactly("[0,10000) ON_TIME#0 n=1 @9999",
                "[5000,15000) ON_TIME#0 n=2 @14999", "[10000,20000) ON_TIME#0 n=1 @19999");
        assertThat(process.outputValues()).extracting(Fired::toString).containsExactly("k[0,10000) ON_TIME#0 [a]",
                "k[5000,15000) ON_TIME#0 [a, b]", "k[10000,20000) ON_TIME#0 [b]");
        assertThat(aggregate.stateEntryCount()).isZero();
        assertThat(process.stateEntryCount()).isZero();
    }

    @Test
    void sessionWindowMergesByTheClockAndFiresOnceTheClockPassesTheGap() {
        var h = counting(SessionWindows.withGap(Duration.ofSeconds(3)).inProcessingTime());
        h.processElement("a", FAR_EVENT_TIME);
        advanceClockTo(h, 2_000);
        h.processElement("b", 1);
        advanceClockTo(h, 4_998);
        assertThat(panes(h)).as("[0,5000) is still open").isEmpty();

        advanceClockTo(h, 6_000);
        h.processElement("c", FAR_EVENT_TIME);
        advanceClockTo(h, 10_000);

        assertThat(panes(h)).containsExactly("[0,5000) ON_TIME#0 n=2 @4999", "[6000,9000) ON_TIME#0 n=1 @8999");
        assertThat(h.stateEntryCount()).isZero();
    }

    @Test
    void pendingProcessingTimeWindowsFireWithTheirContentsAtEndOfInput() {
        var tumbling = counting(TumblingWindows.of(Duration.ofSeconds(10)).inProcessingTime());
        var sliding = counting(SlidingWindows.of(Duration.ofSeconds(10), Duration.ofSeconds(5)).inProcessingTime());
        var session = counting(SessionWindows.withGap(Duration.ofSeconds(3)).inProcessingTime());
        for (var h : List.of(tumbling, sliding, session)) {
            advanceClockTo(h, 6_000);
            h.processElement("a", FAR_EVENT_TIME).processElement("b", FAR_EVENT_TIME);
            h.endInput();
            assertThat(h.stateEntryCount()).isZero();
        }

        assertThat(tumbling.outputValues()).extracting(r -> r.window().startMillis() + ":" + r.value())
                .containsExactly("0:2");
        assertThat(sliding.outputValues()).extracting(r -> r.window().startMillis() + ":" + r.value())
                .containsExactly("0:2", "5000:2");
        assertThat(session.outputValues()).extracting(r -> r.window().startMillis() + ":" + r.value())
                .containsExactly("6000:2");
    }

    @Test
    void paneFlushedAtEndOfInputIsLabelledTheSameByEveryProcessingTimeWindowKind() {
        var tumbling = counting(TumblingWindows.of(Duration.ofSeconds(10)).inProcessingTime());
        var slidingAggregate = counting(SlidingWindows.of(Duration.ofSeconds(10), Duration.ofSeconds(10)).inProcessingTime());
        var slidingProcess = FunctionTestHarness.processWindow(
                SlidingWindows.of(Duration.ofSeconds(10), Duration.ofSeconds(10)).inProcessingTime(), (String s) -> "k",
                new Firings<String, String>(), WindowOptions.defaults());
        var session = counting(SessionWindows.withGap(Duration.ofSeconds(3)).inProcessingTime());
        for (FunctionTestHarness<String, ?> h : List.of(tumbling, slidingAggregate, slidingProcess, session)) {
            h.processElement("a", FAR_EVENT_TIME).endInput();
        }

        PaneInfo finalPane = new PaneInfo(PaneInfo.Timing.ON_TIME, 0);
        assertThat(tumbling.outputValues()).extracting(WindowResult::pane).containsExactly(finalPane);
        assertThat(slidingAggregate.outputValues()).extracting(WindowResult::pane).containsExactly(finalPane);
        assertThat(slidingProcess.outputValues()).extracting(Fired::pane)
                .as("same spec as slidingAggregate, run by the triggered operator").containsExactly(finalPane);
        assertThat(session.outputValues()).extracting(WindowResult::pane).containsExactly(finalPane);
    }

    @Test
    void elementArrivingWhileTheClockIsAtTheWindowsMaxTimestampJoinsTheWindowsOnlyPane() {
        var tumbling = counting(TumblingWindows.of(Duration.ofSeconds(10)).inProcessingTime());
        var session = counting(SessionWindows.withGap(Duration.ofSeconds(10)).inProcessingTime());
        for (var h : List.of(tumbling, session)) {
            h.processElement("a", FAR_EVENT_TIME);
            advanceClockTo(h, 9_999);
            h.processElement("b", FAR_EVENT_TIME);
            advanceClockTo(h, 30_000);
        }

        assertThat(panes(tumbling)).as("b's clock 9999 is inside [0,10000), which has not passed its end")
                .containsExactly("[0,10000) ON_TIME#0 n=2 @9999");
        assertThat(panes(session)).as("b is within the gap of a").containsExactly("[0,19999) ON_TIME#0 n=2 @19998");
    }

    // ---- on the engine -------------------------------------------------------------------------------------------

    /** One partition; every record read moves the engine's clock forward by {@code stepMillis}. */
    private record ClockedSource(ManualClock clock, long stepMillis, int records) implements Source<String> {
        @Override
        public int partitions() {
            return 1;
        }

        @Override
        public Class<String> type() {
            return String.class;
        }

        @Override
        public SourceReader<String> createReader(int partition) {
            return new SourceReader<>() {
                private int next;

                @Override
                public ReadStatus poll(RecordSink<String> sink, int maxRecords) {
                    if (next == records) {
                        return ReadStatus.END_OF_INPUT;
                    }
                    clock.advanceBy(stepMillis);
                    sink.record("r" + next++, FAR_EVENT_TIME, Headers.EMPTY);
                    return ReadStatus.MORE;
                }
            };
        }
    }

    /** Records each result with the engine clock at the moment it was written. */
    private record ClockStampingSink<T>(ManualClock clock, List<String> written) implements Sink<T> {
        @Override
        public SinkWriter<T> createWriter() {
            return (value, ts, headers) -> written.add(value + " written@" + clock.millis());
        }
    }

    @Test
    void engineAssignsByItsClockFiresAsTheClockPassesWindowEndsAndFlushesThePendingWindowAtEndOfInput() {
        ManualClock clock = new ManualClock(0);
        List<String> written = new ArrayList<>();
        Pipeline p = Pipeline.create("processing-time");
        p.source("in", new ClockedSource(clock, 4_000, 5), WatermarkStrategy.<String>monotonous())
                .keyBy("by", v -> "k")
                .window(TumblingWindows.of(Duration.ofSeconds(10)).inProcessingTime())
                .aggregate("count", new Count<String>())
                .map("describe", r -> "[" + r.window().startMillis() + "," + r.window().endMillis() + ") n=" + r.value())
                .sink("out", new ClockStampingSink<>(clock, written));

        new LocalEngine(clock, 1).run(p.graph());

        assertThat(written).as("records read at clock 4000, 8000 | 12000, 16000 | 20000").containsExactly(
                "[0,10000) n=2 written@12000",
                "[10000,20000) n=2 written@20000",
                "[20000,30000) n=1 written@20000");
    }
}
