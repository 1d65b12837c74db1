package dev.weir.runtime.spec;

import static dev.weir.runtime.spec.Specs.compiler;
import static dev.weir.runtime.spec.Specs.problems;
import static dev.weir.runtime.spec.Specs.spec;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weir.api.window.PaneInfo;
import dev.weir.api.window.Window;
import dev.weir.api.window.WindowResult;
import dev.weir.runtime.graph.PipelineGraph;
import dev.weir.runtime.graph.SinkNode;
import dev.weir.runtime.graph.SourceNode;
import dev.weir.runtime.kafka.DeserializationErrorPolicy;
import dev.weir.runtime.kafka.KafkaSink;
import dev.weir.runtime.kafka.KafkaSinkConfig;
import dev.weir.runtime.kafka.KafkaSource;
import dev.weir.runtime.kafka.KafkaSourceConfig;
import dev.weir.runtime.kafka.StartPosition;
import dev.weir.runtime.spec.connector.Click;
import dev.weir.runtime.spec.connector.KafkaStartPosition;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The {@code kafka} source and sink connectors: how their settings compile, and every problem with its path. */
class KafkaConnectorSpecTest {
    private static final String EDGES = "{'from': 'clicks', 'to': 'out'}";

    /** A kafka source 'clicks' with these connector settings (single-quoted JSON), straight into a kafka sink. */
    private static String source(String settings) {
        return spec("{'name': 'clicks', 'type': 'source', 'connector': {'type': 'kafka', " + settings + "}},"
                + "{'name': 'out', 'type': 'sink', 'connector': {'type': 'kafka', 'topic': 'out'}}", EDGES);
    }

    /** A kafka source 'clicks' into a kafka sink 'out' with these connector settings. */
    private static String sink(String settings) {
        return spec("{'name': 'clicks', 'type': 'source', 'connector': {'type': 'kafka', 'topic': 'clicks'}},"
                + "{'name': 'out', 'type': 'sink', 'connector': {'type': 'kafka', " + settings + "}}", EDGES);
    }

    private static KafkaSourceConfig<?> sourceConfig(String json) {
        PipelineGraph g = compiler().compile(json);
        return ((KafkaSource<?>) ((SourceNode<?>) g.node("clicks")).source()).config();
    }

    @SuppressWarnings("unchecked")
    private static KafkaSinkConfig<Object> sinkConfig(String json) {
        PipelineGraph g = compiler().compile(json);
        return ((KafkaSink<Object>) ((SinkNode<?>) g.node("out")).sink()).config();
    }

    @Test
    void minimalSourceTakesTheDefaults() {
        KafkaSourceConfig<?> c = sourceConfig(source("'bootstrapServers': 'kafka-1:9092,kafka-2:9092', 'topic': 'clicks'"));
        assertThat(c.bootstrapServers()).isEqualTo("kafka-1:9092,kafka-2:9092");
        assertThat(c.topic()).isEqualTo("clicks");
        assertThat(c.valueSerde().type()).isEqualTo(JsonNode.class);
        assertThat(c.startPosition()).isEqualTo(StartPosition.earliest());
        assertThat(c.stopAtEndOffsets()).isFalse();
        assertThat(c.errorPolicy()).isEqualTo(DeserializationErrorPolicy.FAIL);
        assertThat(c.deadLetterTopic()).isEmpty();
        assertThat(c.pollTimeout()).isEqualTo(KafkaSourceConfig.DEFAULT_POLL_TIMEOUT);
    }

    @Test
    void everySourceSettingReachesTheSourceConfig() {
        KafkaSourceConfig<?> c = sourceConfig(source("'topic': 'clicks', 'valueType': 'string', 'startPosition': 'latest',"
                + " 'stopAtEnd': true, 'errorPolicy': 'dead-letter', 'deadLetterTopic': 'clicks-dlq', 'pollTimeout': 'PT0.1S'"));
        assertThat(c.valueSerde().type()).isEqualTo(String.class);
        assertThat(c.startPosition()).isEqualTo(StartPosition.latest());
        assertThat(c.stopAtEndOffsets()).isTrue();
        assertThat(c.errorPolicy()).isEqualTo(DeserializationErrorPolicy.DEAD_LETTER);
        assertThat(c.deadLetterTopic()).contains("clicks-dlq");
        assertThat(c.pollTimeout()).isEqualTo(Duration.ofMillis(100));

        assertThat(sourceConfig(source("'topic': 'clicks', 'errorPolicy': 'skip'")).errorPolicy())
                .isEqualTo(DeserializationErrorPolicy.SKIP);
    }

    @Test
    void startPositionTakesATimestampOrAConsumerGroup() {
        assertThat(sourceConfig(source("'topic': 'clicks', 'startPosition': {'timestamp': '2026-01-01T00:00:00Z'}"))
                .startPosition()).isEqualTo(StartPosition.timestamp(Instant.parse("2026-01-01T00:00:00Z")));
        assertThat(sourceConfig(source("'topic': 'clicks', 'startPosition': {'committed': 'reporting'}")).startPosition())
                .isEqualTo(StartPosition.committed("reporting"));
    }

    @Test
    void valueTypeClassIsLoadedAndKeyFieldsAreCheckedAgainstIt() {
        String c = Click.class.getName();
        assertThat(sourceConfig(source("'topic': 'clicks', 'valueType': '" + c + "'")).valueSerde().type())
                .isEqualTo(Click.class);
        String json = spec("{'name': 'clicks', 'type': 'source', 'connector': {'type': 'kafka', 'topic': 'c', 'valueType': '"
                        + c + "'}}, {'name': 'k', 'type': 'keyBy', 'field': 'usr'},"
                        + "{'name': 'out', 'type': 'sink', 'connector': {'type': 'kafka', 'topic': 'out'}}",
                "{'from': 'clicks', 'to': 'k'}, {'from': 'k', 'to': 'out'}");
        assertThat(problems(json)).containsExactly(
                "nodes[1] (name 'k').field: 'usr' is not a field, record component or getter of " + c);
    }

    @Test
    void bootstrapServersDefaultToTheEnvironmentThenTheDevBroker() {
        assertThat(KafkaConnectorCompiler.defaultBootstrap(Map.of("WEIR_KAFKA_BOOTSTRAP", "broker:9092")::get))
                .isEqualTo("broker:9092");
        assertThat(KafkaConnectorCompiler.defaultBootstrap(Map.<String, String>of()::get)).isEqualTo("127.0.0.1:19092");
        assertThat(KafkaConnectorCompiler.defaultBootstrap(Map.of("WEIR_KAFKA_BOOTSTRAP", " ")::get))
                .isEqualTo("127.0.0.1:19092");
        assertThat(sourceConfig(source("'topic': 'clicks'")).bootstrapServers())
                .isEqualTo(KafkaConnectorCompiler.defaultBootstrap(System::getenv));
    }

    @Test
    void everySourceProblemIsReportedAtItsPath() {
        String p = "nodes[0] (name 'clicks').connector.";
        assertThat(problems(source("'bootstrapServers': 'localhost', 'topic': 'no spaces', 'valueType': 'com.acme.Missing',"
                + " 'errorPolicy': 'dead-letter', 'pollTimeout': 'PT0S'"))).containsExactly(
                p + "bootstrapServers: 'localhost' is not host:port",
                p + "topic: 'no spaces' is not a valid Kafka topic name (1-249 of a-z, A-Z, 0-9, '.', '_', '-')",
                p + "valueType: class 'com.acme.Missing' not found; use 'json' for JSON trees, 'string' for text, or a class name",
                p + "deadLetterTopic: required with errorPolicy 'dead-letter'",
                p + "pollTimeout: 'PT0S' must be a positive duration");
        assertThat(problems(source("'topic': 'clicks', 'errorPolicy': 'dead-letter', 'deadLetterTopic': 'clicks'")))
                .containsExactly(p + "deadLetterTopic: must differ from topic 'clicks'");
        assertThat(problems(source("'topic': 'clicks', 'deadLetterTopic': 'dlq'")))
                .containsExactly(p + "deadLetterTopic: only used with errorPolicy 'dead-letter'");
        assertThat(problems(source("'topic': 'clicks', 'startPosition': {'committed': ' '}")))
                .containsExactly(p + "startPosition.committed: must not be blank (a consumer group id)");
    }

    @Test
    void structuralSourceProblemsAreReportedAtTheirPaths() {
        String p = "nodes[0] (name 'clicks').connector.";
        assertThat(problems(source("'stopAtEnd': 'yes', 'errorPolicy': 'ignore', 'colour': 1"))).containsExactly(
                p + "colour: unknown property; allowed here: type, bootstrapServers, topic, valueType, startPosition,"
                        + " stopAtEnd, errorPolicy, deadLetterTopic, pollTimeout",
                p + "topic: required property missing",
                p + "stopAtEnd: expected true or false, got 'yes'",
                p + "errorPolicy: 'ignore' is not one of: fail, skip, dead-letter");
        String choices = "expected 'earliest', 'latest', {\"timestamp\": ...} or {\"committed\": ...}, got ";
        assertThat(problems(source("'topic': 'clicks', 'startPosition': 'first'")))
                .containsExactly(p + "startPosition: " + choices + "'first'");
        assertThat(problems(source("'topic': 'clicks', 'startPosition': {'offset': 5}")))
                .containsExactly(p + "startPosition: " + choices + "{\"offset\":5}");
        assertThat(problems(source("'topic': 'clicks', 'startPosition': {'timestamp': 'yesterday'}"))).containsExactly(
                p + "startPosition.timestamp: 'yesterday' is not an ISO-8601 instant (example: '2024-01-01T00:00:00Z')");
    }

    @Test
    void sinkWritesJsonValuesKeyedByTheKeyField() {
        KafkaSinkConfig<Object> c = sinkConfig(sink("'bootstrapServers': 'b:1', 'topic': 'counts', 'keyField': 'key'"));
        assertThat(c.bootstrapServers()).isEqualTo("b:1");
        assertThat(c.topic()).isEqualTo("counts");
        WindowResult<String, Long> r = new WindowResult<>("user-1", new Window(0, 10_000), 3L,
                new PaneInfo(PaneInfo.Timing.ON_TIME, 0));
        assertThat(new String(c.key().orElseThrow().keyBytes(r), StandardCharsets.UTF_8)).isEqualTo("user-1");
        assertThat(new String(c.valueSerde().serialize(r), StandardCharsets.UTF_8)).isEqualTo("{\"key\":\"user-1\","
                + "\"window\":{\"startMillis\":0,\"endMillis\":10000,\"global\":false},\"value\":3,"
                + "\"pane\":{\"timing\":\"ON_TIME\",\"index\":0,\"update\":false}}");
        assertThat(c.key().orElseThrow().keyBytes(Map.of("other", 1))).as("no key field: no key").isNull();
    }

    @Test
    void sinkWithoutKeyFieldWritesUnkeyedStrings() {
        KafkaSinkConfig<Object> c = sinkConfig(sink("'topic': 'counts', 'valueFormat': 'string'"));
        assertThat(c.key()).isEqualTo(Optional.empty());
        assertThat(new String(c.valueSerde().serialize(42L), StandardCharsets.UTF_8)).isEqualTo("42");
    }

    @Test
    void everySinkProblemIsReportedAtItsPath() {
        String p = "nodes[1] (name 'out').connector.";
        assertThat(problems(sink("'bootstrapServers': 'h:', 'topic': '..', 'keyField': 'a..b'"))).containsExactly(
                p + "bootstrapServers: 'h:' is not host:port",
                p + "topic: '..' is not a valid Kafka topic name (1-249 of a-z, A-Z, 0-9, '.', '_', '-')",
                p + "keyField: field path 'a..b' has an empty name");
        assertThat(problems(sink("'valueFormat': 'avro'"))).containsExactly(p + "topic: required property missing",
                p + "valueFormat: 'avro' is not one of: json, string");
    }

    @Test
    void startPositionsSurviveAJsonRoundTrip() throws Exception {
        for (KafkaStartPosition s : new KafkaStartPosition[] {KafkaStartPosition.Named.EARLIEST,
                KafkaStartPosition.Named.LATEST, new KafkaStartPosition.Timestamp(Instant.parse("2026-01-01T00:00:00Z")),
                new KafkaStartPosition.Committed("g")}) {
            String json = SpecJson.mapper().writeValueAsString(s);
            assertThat(SpecJson.mapper().readValue(json, KafkaStartPosition.class)).as(json).isEqualTo(s);
        }
    }
}
