package dev.weir.runtime.spec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weir.runtime.sink.Sink;
import dev.weir.runtime.source.Source;
import dev.weir.runtime.spec.connector.DemoEventGenerator;
import dev.weir.runtime.spec.connector.JsonLinesSink;
import dev.weir.runtime.spec.connector.JsonLinesSource;
import dev.weir.runtime.spec.connector.PrintWriterSink;
import dev.weir.runtime.spec.connector.SinkConnectorSpec;
import dev.weir.runtime.spec.connector.SourceConnectorSpec;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Turns connector specs into sources and sinks, reporting every problem. Files are checked, not opened; Kafka is not
 * contacted ({@link KafkaConnectorCompiler}).
 */
final class ConnectorCompiler {
    private final SpecContext context;
    private final Problems problems;
    private final KafkaConnectorCompiler kafka;

    ConnectorCompiler(SpecContext context, Problems problems) {
        this.context = context;
        this.problems = problems;
        this.kafka = new KafkaConnectorCompiler(context, problems, System::getenv);
    }

    /** The source, or null if invalid. */
    Source<?> source(SourceConnectorSpec spec, SpecPath path) {
        if (spec instanceof SourceConnectorSpec.Generator g) {
            return generator(g, path);
        }
        if (spec instanceof SourceConnectorSpec.Kafka k) {
            return kafka.source(k, path);
        }
        SourceConnectorSpec.JsonLines j = (SourceConnectorSpec.JsonLines) spec;
        Path file = context.resolve(j.path());
        boolean ok = true;
        if (!Files.isRegularFile(file)) {
            problems.add(path.property("path"), "file '" + file + "' does not exist");
            ok = false;
        }
        Class<?> type = JsonNode.class;
        if (j.valueType() != null && !j.valueType().equals(SourceConnectorSpec.JsonLines.JSON)) {
            try {
                type = context.functions().loadClass(j.valueType());
            } catch (ClassNotFoundException | LinkageError e) {
                problems.add(path.property("valueType"), "class '" + j.valueType() + "' not found; use '"
                        + SourceConnectorSpec.JsonLines.JSON + "' for JSON trees or a class name");
                ok = false;
            }
        }
        return ok ? new JsonLinesSource<>(file, type, SpecJson.mapper()) : null;
    }

    private Source<?> generator(SourceConnectorSpec.Generator g, SpecPath path) {
        int before = problems.count();
        if (g.count() != null && g.count() < 0) {
            problems.add(path.property("count"), "must not be negative, was " + g.count());
        }
        if (g.eventsPerSecond() != null && (!(g.eventsPerSecond() > 0) || g.eventsPerSecond().isInfinite())) {
            problems.add(path.property("eventsPerSecond"), "must be positive, was " + g.eventsPerSecond());
        }
        if (g.outOfOrderness() != null) {
            Durations.notNegative(g.outOfOrderness(), path.property("outOfOrderness"), problems);
        }
        if (g.lateFraction() != null && !(g.lateFraction() >= 0 && g.lateFraction() <= 1)) {
            problems.add(path.property("lateFraction"), "must be in [0, 1], was " + g.lateFraction());
        }
        if (g.lateBy() != null) {
            Durations.notNegative(g.lateBy(), path.property("lateBy"), problems);
        }
        if (g.keys() != null && g.keys() < 1) {
            problems.add(path.property("keys"), "must be at least 1, was " + g.keys());
        }
        if (g.partitions() != null && (g.partitions() < 1 || g.partitions() > 1024)) {
            problems.add(path.property("partitions"), "must be in [1, 1024], was " + g.partitions());
        }
        return problems.count() == before ? new DemoEventGenerator(DemoEventGenerator.Settings.of(g)).source() : null;
    }

    /** Why a source's values need {@code watermarks.timestampField}, or null if they do not. */
    static String timestampFieldNeed(SourceConnectorSpec spec) {
        return spec instanceof SourceConnectorSpec.JsonLines
                ? "a 'jsonl' source's lines carry no timestamp; name the field that holds event time" : null;
    }

    /** The sink, or null if invalid. */
    Sink<?> sink(SinkConnectorSpec spec, SpecPath path) {
        if (spec instanceof SinkConnectorSpec.Print p) {
            return new PrintWriterSink(context.out(), p.prefix() == null ? "" : p.prefix(),
                    p.format() == null ? SinkConnectorSpec.Format.TEXT : p.format(), SpecJson.mapper());
        }
        if (spec instanceof SinkConnectorSpec.Kafka k) {
            return kafka.sink(k, path);
        }
        SinkConnectorSpec.JsonLines j = (SinkConnectorSpec.JsonLines) spec;
        Path file = context.resolve(j.path());
        if (file.getParent() != null && !Files.isDirectory(file.getParent())) {
            problems.add(path.property("path"), "directory '" + file.getParent() + "' does not exist");
            return null;
        }
        if (Files.isDirectory(file)) {
            problems.add(path.property("path"), "'" + file + "' is a directory");
            return null;
        }
        return new JsonLinesSink(file, SpecJson.mapper());
    }
}
