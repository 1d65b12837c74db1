package dev.weir.runtime.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weir.runtime.engine.LocalEngine;
import dev.weir.runtime.graph.PipelineGraph;
import dev.weir.runtime.spec.SpecCompiler;
import dev.weir.runtime.spec.SpecContext;
import dev.weir.runtime.spec.SpecJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A JSON pipeline spec with a {@code kafka} source and sink, compiled and run against the broker of
 * {@code dev/kafka.sh}: clicks → keyBy user → 10 s tumbling count → counts topic, compared exactly with a brute-force
 * count (record keys, values and timestamps).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.Timeout(value = 120, unit = java.util.concurrent.TimeUnit.SECONDS)
class KafkaSpecIT {
    static final long BASE = 1_700_000_000_000L;
    static final long WINDOW = 10_000;

    private KafkaTestSupport kafka;

    @BeforeAll
    void connect() {
        kafka = new KafkaTestSupport();
    }

    @AfterAll
    void disconnect() {
        if (kafka != null) {
            kafka.close();
        }
    }

    /** The spec: the source connector's extra settings are added to its JSON object. */
    private static String spec(String in, String out, String sourceSettings) {
        return """
                {"specVersion": 1, "name": "kafka-counts",
                 "nodes": [
                   {"name": "clicks", "type": "source",
                    "connector": {"type": "kafka", "bootstrapServers": "%1$s", "topic": "%2$s", "valueType": "json",
                                  "startPosition": "earliest", "stopAtEnd": true%4$s},
                    "watermarks": {"maxOutOfOrderness": "PT5S", "emission": "per-event"}},
                   {"name": "by-user", "type": "keyBy", "field": "user"},
                   {"name": "per-10s", "type": "window", "window": {"type": "tumbling", "size": "PT10S"},
                    "function": {"builtin": "count"}},
                   {"name": "counts", "type": "sink",
                    "connector": {"type": "kafka", "bootstrapServers": "%1$s", "topic": "%3$s", "keyField": "key",
                                  "valueFormat": "json"}}],
                 "edges": [{"from": "clicks", "to": "by-user"}, {"from": "by-user", "to": "per-10s"},
                           {"from": "per-10s", "to": "counts"}]}
                """.formatted(KafkaTestSupport.BOOTSTRAP, in, out, sourceSettings);
    }

    private static void run(String spec) {
        PipelineGraph graph = new SpecCompiler(SpecContext.defaults()).compile(spec);
        new LocalEngine().run(graph);
    }

    /** {@code n} JSON clicks over 3 partitions, each out of order by up to 3 s; the Kafka timestamp is event time. */
    private Map<String, Long> writeClicks(String topic, int n, long seed) throws Exception {
        Random rnd = new Random(seed);
        Map<String, Long> expected = new TreeMap<>();
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long ts = BASE + i * 200L - rnd.nextInt(3_000);
            String user = "u" + rnd.nextInt(5);
            byte[] value = ("{\"user\": \"" + user + "\", \"page\": \"/p" + i + "\"}").getBytes(StandardCharsets.UTF_8);
            records.add(new ProducerRecord<>(topic, i % 3, ts, null, value));
            expected.merge(user + "@" + (ts - Math.floorMod(ts, WINDOW)), 1L, Long::sum);
        }
        kafka.sendAll(records);
        return expected;
    }

    /** The counts topic as user@windowStart → count, checking each record's key, timestamp and pane. */
    private Map<String, Long> readCounts(String topic) throws Exception {
        Map<String, Long> counts = new TreeMap<>();
        for (ConsumerRecord<byte[], byte[]> r : kafka.readAll(topic)) {
            JsonNode v = SpecJson.mapper().readTree(r.value());
            String user = v.get("key").textValue();
            long start = v.get("window").get("startMillis").longValue();
            assertThat(new String(r.key(), StandardCharsets.UTF_8)).isEqualTo(user);
            assertThat(v.get("window").get("endMillis").longValue()).isEqualTo(start + WINDOW);
            assertThat(r.timestamp()).as("record timestamp = the window's max timestamp").isEqualTo(start + WINDOW - 1);
            assertThat(v.get("pane").get("timing").textValue()).isEqualTo("ON_TIME");
            assertThat(counts.put(user + "@" + start, v.get("value").longValue())).as("one result per key and window").isNull();
        }
        return counts;
    }

    @Test
    void specWithKafkaSourceAndSinkCountsExactly() throws Exception {
        String in = kafka.createTopic("weir-it-spec-clicks", 3);
        String out = kafka.createTopic("weir-it-spec-counts", 1);
        Map<String, Long> expected = writeClicks(in, 600, 42);

        run(spec(in, out, ""));

        assertThat(readCounts(out)).isEqualTo(expected);
    }

    @Test
    void deadLetterPolicyFromTheSpecKeepsTheOutputCompleteAndKeepsThePoisonRecord() throws Exception {
        String in = kafka.createTopic("weir-it-spec-poison", 3);
        String out = kafka.createTopic("weir-it-spec-poison-counts", 1);
        String dlq = kafka.createTopic("weir-it-spec-poison-dlq", 1);
        Map<String, Long> expected = writeClicks(in, 120, 7);
        byte[] poison = "{\"user\": ".getBytes(StandardCharsets.UTF_8);
        kafka.send(new ProducerRecord<>(in, 1, BASE + 5_000, null, poison));

        run(spec(in, out, ", \"errorPolicy\": \"dead-letter\", \"deadLetterTopic\": \"" + dlq + "\""));

        assertThat(readCounts(out)).isEqualTo(expected);
        List<ConsumerRecord<byte[], byte[]>> dead = kafka.readAll(dlq);
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).value()).isEqualTo(poison);
        assertThat(new String(dead.get(0).headers().lastHeader("weir.source.topic").value(), StandardCharsets.UTF_8))
                .isEqualTo(in);
    }
}
