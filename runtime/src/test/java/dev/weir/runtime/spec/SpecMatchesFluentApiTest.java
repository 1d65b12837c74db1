package dev.weir.runtime.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.api.function.KeySelector;
import dev.weir.api.function.OutputTag;
import dev.weir.api.time.TimeDomain;
import dev.weir.api.window.AggregateFunction;
import dev.weir.api.window.ProcessWindowFunction;
import dev.weir.api.window.SessionWindows;
import dev.weir.api.window.Triggers;
import dev.weir.api.window.TumblingWindows;
import dev.weir.runtime.functions.Count;
import dev.weir.runtime.functions.FieldKeySelector;
import dev.weir.runtime.graph.ErrorPolicy;
import dev.weir.runtime.graph.PipelineGraph;
import dev.weir.runtime.graph.PipelineOptions;
import dev.weir.runtime.pipeline.DataStream;
import dev.weir.runtime.pipeline.KeyedStream;
import dev.weir.runtime.pipeline.Pipeline;
import dev.weir.runtime.sink.Sink;
import dev.weir.runtime.source.Source;
import dev.weir.runtime.spec.connector.Bid;
import dev.weir.runtime.spec.connector.Click;
import dev.weir.runtime.spec.connector.DemoEventGenerator;
import dev.weir.runtime.spec.connector.JsonLinesSink;
import dev.weir.runtime.spec.connector.PrintWriterSink;
import dev.weir.runtime.spec.connector.SinkConnectorSpec;
import dev.weir.runtime.spec.connector.SourceConnectorSpec;
import dev.weir.runtime.spec.testfunctions.ByAuction;
import dev.weir.runtime.spec.testfunctions.CollectAll;
import dev.weir.runtime.spec.testfunctions.Enrich;
import dev.weir.runtime.spec.testfunctions.PairJoin;
import dev.weir.runtime.spec.testfunctions.RunningCount;
import dev.weir.runtime.watermark.WatermarkStrategy;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A spec compiles to the same graph as the same pipeline built with the fluent API. */
class SpecMatchesFluentApiTest {
    private final PrintWriter out = new PrintWriter(new StringWriter());

    @TempDir
    Path dir;

    @Test
    void demoSpecCompilesToTheFluentDemoPipeline() throws IOException {
        PipelineGraph fromSpec = new SpecCompiler(context()).compile(Path.of("..", "examples", "demo-pipeline.json"));

        Pipeline p = Pipeline.create("clicks-per-user").options(new PipelineOptions(128, ErrorPolicy.FAIL));
        DataStream<Click> clicks = p.source("clicks", generator(SourceConnectorSpec.DemoEvents.CLICKS, 2000, 20,
                        Duration.ofSeconds(1), 0.02, Duration.ofSeconds(5), 4, 42, 1),
                WatermarkStrategy.<Click>boundedOutOfOrderness(Duration.ofSeconds(1)).withPerEventEmission());
        OutputTag<Click> late = OutputTag.of("late", Click.class);
        DataStream<?> counts = clicks.keyBy("by-user", this.<Click>field("user"))
                .window(TumblingWindows.of(Duration.ofSeconds(10)))
                .allowedLateness(Duration.ofSeconds(2))
                .lateDataTo(late)
                .aggregate("clicks-per-10s", this.<Click, Long, Long>aggregate(new Count<>()));
        counts.sink("print-counts", cast(print("")));
        counts.sideOutput(late).sink("print-late", cast(print("LATE ")));

        assertThat(GraphDescription.of(fromSpec)).isEqualTo(GraphDescription.of(p.graph()));
    }

    @Test
    void everyNodeKindCompilesToTheFluentEquivalent() {
        String json = Specs.json("""
                {'specVersion': 1, 'name': 'all-kinds', 'options': {'keyGroups': 64, 'errorPolicy': 'dead-letter'},
                 'nodes': [
                  {'name': 'web', 'type': 'source', 'connector': {'type': 'generator', 'count': 50, 'seed': 1},
                   'watermarks': {'maxOutOfOrderness': 'PT1S', 'idleTimeout': 'PT30S', 'interval': 'PT0.5S'}},
                  {'name': 'app', 'type': 'source', 'connector': {'type': 'generator', 'count': 50, 'seed': 2, 'partitions': 2},
                   'watermarks': {'maxOutOfOrderness': 'PT1S', 'timestampField': 'timestampMillis'}},
                  {'name': 'bids', 'type': 'source', 'connector': {'type': 'generator', 'events': 'bids', 'count': 50}},
                  {'name': 'all', 'type': 'union'},
                  {'name': 'enrich', 'type': 'function', 'function': {'class': 'dev.weir.runtime.spec.testfunctions.Enrich',
                   'config': {'rate': 2}}},
                  {'name': 'by-user', 'type': 'keyBy', 'field': 'user'},
                  {'name': 'running', 'type': 'keyedFunction', 'function': {'class': 'dev.weir.runtime.spec.testfunctions.RunningCount'}},
                  {'name': 'sessions', 'type': 'window', 'window': {'type': 'session', 'gap': 'PT5M'},
                   'trigger': {'type': 'early', 'interval': 'PT10S', 'purging': true},
                   'function': {'class': 'dev.weir.runtime.spec.testfunctions.CollectAll'}},
                  {'name': 'by-auction', 'type': 'keyBy', 'function': {'class': 'dev.weir.runtime.spec.testfunctions.ByAuction'}},
                  {'name': 'join', 'type': 'intervalJoin', 'lowerBound': 'PT-5S', 'upperBound': 'PT5S',
                   'function': {'class': 'dev.weir.runtime.spec.testfunctions.PairJoin'}},
                  {'name': 'merged', 'type': 'union'},
                  {'name': 'out', 'type': 'sink', 'connector': {'type': 'print', 'format': 'json'}},
                  {'name': 'dead', 'type': 'sink', 'connector': {'type': 'print', 'prefix': 'DEAD '}},
                  {'name': 'pairs', 'type': 'sink', 'connector': {'type': 'jsonl', 'path': 'pairs.jsonl'}}
                 ],
                 'edges': [
                  {'from': 'web', 'to': 'all'}, {'from': 'app', 'to': 'all'},
                  {'from': 'all', 'to': 'enrich'}, {'from': 'enrich', 'to': 'by-user'},
                  {'from': 'by-user', 'to': 'running'}, {'from': 'by-user', 'to': 'sessions'},
                  {'from': 'running', 'to': 'merged'}, {'from': 'sessions', 'to': 'merged'}, {'from': 'merged', 'to': 'out'},
                  {'from': 'enrich', 'sideOutput': 'dead-letter', 'to': 'dead'},
                  {'from': 'bids', 'to': 'by-auction'},
                  {'from': 'by-user', 'to': 'join', 'input': 0}, {'from': 'by-auction', 'to': 'join', 'input': 1},
                  {'from': 'join', 'to': 'pairs'}
                 ]}""");
        PipelineGraph fromSpec = new SpecCompiler(context()).compile(json);

        Pipeline p = Pipeline.create("all-kinds").options(new PipelineOptions(64, ErrorPolicy.DEAD_LETTER));
        DataStream<Click> web = p.source("web", generator(SourceConnectorSpec.DemoEvents.CLICKS, 50, 100, Duration.ZERO, 0,
                        Duration.ZERO, 10, 1, 1),
                WatermarkStrategy.<Click>boundedOutOfOrderness(Duration.ofSeconds(1)).withIdleness(Duration.ofSeconds(30))
                        .withPeriodicEmission(Duration.ofMillis(500)));
        DataStream<Click> app = p.source("app", generator(SourceConnectorSpec.DemoEvents.CLICKS, 50, 100, Duration.ZERO, 0,
                        Duration.ZERO, 10, 2, 2),
                WatermarkStrategy.<Click>boundedOutOfOrderness(Duration.ofSeconds(1))
                        .withTimestampAssigner(cast(new FieldTimestamps(dev.weir.runtime.functions.FieldAccessor.of("timestampMillis")))));
        DataStream<Bid> bids = p.source("bids", generator(SourceConnectorSpec.DemoEvents.BIDS, 50, 100, Duration.ZERO, 0,
                Duration.ZERO, 10, 42, 1), WatermarkStrategy.boundedOutOfOrderness(Duration.ZERO));
        DataStream<Object> enriched = web.union("all", app)
                .process("enrich", cast(new Enrich()), new Enrich.Config(2, "EUR", Duration.ofSeconds(1), 3, Enrich.Mode.FAST));
        KeyedStream<Object, Object> byUser = enriched.keyBy("by-user", field("user"));
        DataStream<Object> running = byUser.process("running", cast(new RunningCount()));
        DataStream<Object> sessions = byUser.window(SessionWindows.withGap(Duration.ofMinutes(5)))
                .trigger(Triggers.purging(Triggers.earlyFirings(Duration.ofSeconds(10), TimeDomain.PROCESSING_TIME)))
                .process("sessions", SpecMatchesFluentApiTest.<ProcessWindowFunction<Object, Object, Object>>cast(new CollectAll()));
        running.union("merged", sessions).sink("out", new PrintWriterSink(out, "", SinkConnectorSpec.Format.JSON, SpecJson.mapper()));
        KeyedStream<Long, Bid> byAuction = bids.keyBy("by-auction", new ByAuction());
        byUser.intervalJoin(SpecMatchesFluentApiTest.<KeyedStream<Object, Object>>cast(byAuction)).between(Duration.ofSeconds(-5), Duration.ofSeconds(5))
                .process("join", new PairJoin())
                .sink("pairs", cast(new JsonLinesSink(dir.resolve("pairs.jsonl"), SpecJson.mapper())));
        enriched.sideOutput(OutputTag.of("dead-letter", Object.class)).sink("dead", cast(print("DEAD ")));

        assertThat(GraphDescription.of(fromSpec)).isEqualTo(GraphDescription.of(p.graph()));
    }

    private SpecContext context() {
        return SpecContext.defaults().withOut(out).withBaseDirectory(dir);
    }

    private static <T> Source<T> generator(SourceConnectorSpec.DemoEvents events, long count, double eps, Duration jitter,
                                           double lateFraction, Duration lateBy, int keys, long seed, int partitions) {
        return cast(new DemoEventGenerator(new DemoEventGenerator.Settings(events, count, eps, jitter, lateFraction, lateBy,
                keys, seed, Instant.parse("2024-01-01T00:00:00Z"), partitions)).source());
    }

    private Sink<Object> print(String prefix) {
        return new PrintWriterSink(out, prefix, SinkConnectorSpec.Format.TEXT, SpecJson.mapper());
    }

    private <T> KeySelector<T, Object> field(String name) {
        return cast(FieldKeySelector.of(name));
    }

    private <I, A, R> AggregateFunction<I, A, R> aggregate(AggregateFunction<?, ?, ?> fn) {
        return cast(fn);
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object o) {
        return (T) o;
    }
}
