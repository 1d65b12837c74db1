package dev.weir.instance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weir.runtime.checkpoint.store.S3Config;
import dev.weir.runtime.checkpoint.store.S3ObjectStore;
import dev.weir.runtime.kafka.KafkaTestSupport;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The packaged instance ({@code target/quarkus-app/quarkus-run.jar}) in task mode: two instance processes run the
 * two tasks of a spec (Kafka source → keyBy → tumbling count → Kafka sink) on the broker of {@code dev/kafka.sh};
 * the committed output equals a brute-force count and each instance reports its finished task as ready.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class InstanceTaskModeIT {
    private static final long BASE = 1_700_000_000_000L;
    private static final long WINDOW = 10_000;
    private static final int[] PORTS = {18181, 18182};

    @Test
    void twoInstancesRunTheTwoTasksOfASpecExactly() throws Exception {
        try (KafkaTestSupport kafka = new KafkaTestSupport()) {
            String in = kafka.createTopic("weir-instance-clicks", 4);
            String out = kafka.createTopic("weir-instance-counts", 2);
            Map<String, Long> expected = writeClicks(kafka, in, 20_000);
            Path work = Files.createDirectories(Path.of("target", "task-mode-it"));
            String pipeline = "instance-counts-" + in.substring(in.lastIndexOf('-') + 1);
            Path spec = writeSpec(work.resolve(pipeline + ".json"), pipeline, in, out, true);
            S3Config s3 = S3Config.fromEnvironment(System.getenv()).orElseThrow();
            String prefix = "instance-it-" + System.nanoTime();
            List<Process> instances = new ArrayList<>();
            try {
                for (int i = 0; i < 2; i++) {
                    instances.add(startInstance(work, spec, pipeline + "-instance" + i, i, 2, prefix, PORTS[i],
                            List.of()));
                }
                double nativeMemory = 0;
                for (int i = 0; i < 2; i++) {
                    nativeMemory = Math.max(nativeMemory, awaitFinished(PORTS[i], instances.get(i)));
                }
                assertThat(nativeMemory).as("weir_state_native_memory_bytes while RocksDB state was open").isPositive();
            } finally {
                instances.forEach(Process::destroy);
            }

            Map<String, Long> actual = counts(kafka, out);
            assertThat(actual).isEqualTo(expected);
            try (S3ObjectStore store = new S3ObjectStore(new S3Config(s3.endpoint(), s3.region(), s3.bucket(),
                    s3.accessKey(), s3.secretKey(), prefix))) {
                List<String> keys = store.list(pipeline + "/");
                for (int i = 0; i < 2; i++) {
                    String task = pipeline + "/task-" + i + "/";
                    assertThat(keys).as("task %d's RocksDB checkpoints are in the S3 store", i)
                            .anyMatch(k -> k.startsWith(task + "checkpoints/") && k.endsWith("MANIFEST.json"))
                            .anyMatch(k -> k.startsWith(task + "shared/"));
                }
            }
        }
    }

    /**
     * Rescale through a savepoint with packaged instances: two instances run an unbounded source, get
     * {@code POST /weir/savepoint} (a request without the token is refused), write their parts to S3 and finish; more
     * input arrives; three instances started with {@code weir.task.restore-savepoint} finish the (now bounded) input.
     * The two runs' committed output together equals the brute-force count over all input.
     */
    @Test
    void twoInstancesStopWithASavepointAndThreeResumeFromItExactly() throws Exception {
        try (KafkaTestSupport kafka = new KafkaTestSupport()) {
            String in = kafka.createTopic("weir-instance-rescale-clicks", 4);
            String out = kafka.createTopic("weir-instance-rescale-counts", 2);
            Map<String, Long> expected = writeClicks(kafka, in, 0, 10_000, 3);
            Path work = Files.createDirectories(Path.of("target", "task-mode-it"));
            String pipeline = "instance-rescale-" + in.substring(in.lastIndexOf('-') + 1);
            Path unbounded = writeSpec(work.resolve(pipeline + "-unbounded.json"), pipeline, in, out, false);
            Path bounded = writeSpec(work.resolve(pipeline + "-bounded.json"), pipeline, in, out, true);
            String prefix = "instance-rescale-it-" + System.nanoTime();
            String savepoint = pipeline + "/rescale-to-3";
            HttpClient http = HttpClient.newHttpClient();

            List<Process> first = new ArrayList<>();
            try {
                for (int i = 0; i < 2; i++) {
                    first.add(startInstance(work, unbounded, pipeline + "-p2-" + i, i, 2, prefix, PORTS[i], List.of()));
                }
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
                while (kafka.readCommittedSoFar(out).isEmpty()) {
                    assertThat(System.nanoTime()).as("the first run commits output").isLessThan(deadline);
                    Thread.sleep(250);
                }
                assertThat(postSavepoint(http, PORTS[0], savepoint, "wrong-token").statusCode()).isEqualTo(401);
                HttpResponse<String> badFormat = postSavepoint(http, PORTS[0], savepoint, "&format=binary",
                        CONTROL_TOKEN);
                assertThat(badFormat.statusCode()).isEqualTo(400);
                assertThat(badFormat.body()).contains("'format' is 'binary'");
                for (int i = 0; i < 2; i++) {
                    HttpResponse<String> r = postSavepoint(http, PORTS[i], savepoint, CONTROL_TOKEN);
                    assertThat(r.statusCode()).as("savepoint request: %s", r.body()).isEqualTo(202);
                    assertThat(r.body()).as("RocksDB state is saved natively by default").contains("\"format\":\"native\"");
                }
                for (int i = 0; i < 2; i++) {
                    awaitFinished(PORTS[i], first.get(i));
                }
            } finally {
                first.forEach(Process::destroy);
            }
            int beforeRescale = kafka.readAll(out).size();
            expected = merge(expected, writeClicks(kafka, in, 10_000, 10_000, 4));

            int[] ports = {18183, 18184, 18185};
            List<Process> second = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    second.add(startInstance(work, bounded, pipeline + "-p3-" + i, i, 3, prefix, ports[i],
                            List.of("-Dweir.task.restore-savepoint=" + savepoint)));
                }
                for (int i = 0; i < 3; i++) {
                    awaitFinished(ports[i], second.get(i));
                }
            } finally {
                second.forEach(Process::destroy);
            }

            Map<String, Long> actual = counts(kafka, out);
            assertThat(beforeRescale).as("output before the savepoint").isPositive().isLessThan(actual.size());
            assertThat(actual).isEqualTo(expected);
        }
    }

    private static final String CONTROL_TOKEN = "it-control-token";

    private static HttpResponse<String> postSavepoint(HttpClient http, int port, String path, String token)
            throws Exception {
        return postSavepoint(http, port, path, "", token);
    }

    /** {@code POST /weir/savepoint?path=<path><moreQuery>}, e.g. {@code moreQuery} {@code &format=canonical}. */
    private static HttpResponse<String> postSavepoint(HttpClient http, int port, String path, String moreQuery,
                                                      String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/weir/savepoint?path="
                        + java.net.URLEncoder.encode(path, StandardCharsets.UTF_8) + moreQuery))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Path writeSpec(Path file, String pipeline, String in, String out, boolean stopAtEnd)
            throws Exception {
        Files.writeString(file, """
                {"specVersion": 1, "name": "%s",
                 "options": {"delivery": "exactly-once", "checkpointInterval": "PT0.5S", "stateBackend": "rocksdb"},
                 "nodes": [
                   {"name": "clicks", "type": "source",
                    "connector": {"type": "kafka", "bootstrapServers": "%s", "topic": "%s", "valueType": "json",
                                  "startPosition": "earliest", "stopAtEnd": %s},
                    "watermarks": {"maxOutOfOrderness": "PT5S"}},
                   {"name": "by-user", "type": "keyBy", "field": "user"},
                   {"name": "per-10s", "type": "window", "window": {"type": "tumbling", "size": "PT10S"},
                    "function": {"builtin": "count"}},
                   {"name": "counts", "type": "sink",
                    "connector": {"type": "kafka", "bootstrapServers": "%2$s", "topic": "%s", "keyField": "key",
                                  "valueFormat": "json"}}],
                 "edges": [{"from": "clicks", "to": "by-user"}, {"from": "by-user", "to": "per-10s"},
                           {"from": "per-10s", "to": "counts"}]}
                """.formatted(pipeline, KafkaTestSupport.BOOTSTRAP, in, stopAtEnd, out));
        return file;
    }

    /** An instance process running task {@code index} of {@code parallelism}, state in the S3 store of the environment. */
    private static Process startInstance(Path work, Path spec, String name, int index, int parallelism, String prefix,
                                         int port, List<String> extra) throws Exception {
        S3Config s3 = S3Config.fromEnvironment(System.getenv()).orElseThrow(() -> new IllegalStateException(
                S3Config.ENDPOINT + " is not set: start the S3 server with dev/s3.sh (dev/test.sh does)"));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dweir.pipeline.spec=" + spec.toAbsolutePath(),
                "-Dweir.task.index=" + index, "-Dweir.task.parallelism=" + parallelism,
                "-Dweir.task.kafka-bootstrap=" + KafkaTestSupport.BOOTSTRAP,
                "-Dweir.task.s3.endpoint=" + s3.endpoint(), "-Dweir.task.s3.bucket=" + s3.bucket(),
                "-Dweir.task.s3.access-key=" + s3.accessKey(), "-Dweir.task.s3.secret-key=" + s3.secretKey(),
                "-Dweir.task.s3.prefix=" + prefix, "-Dweir.task.control-token=" + CONTROL_TOKEN,
                "-Dweir.task.local-dir=" + work.resolve("local-" + name).toAbsolutePath(),
                "-Dquarkus.http.port=" + port));
        cmd.addAll(extra);
        cmd.addAll(List.of("-jar", Path.of("target", "quarkus-app", "quarkus-run.jar").toString()));
        return new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(new File(work.toFile(), name + ".log")).start();
    }

    private static Map<String, Long> counts(KafkaTestSupport kafka, String topic) throws Exception {
        Map<String, Long> actual = new TreeMap<>();
        ObjectMapper json = new ObjectMapper();
        for (ConsumerRecord<byte[], byte[]> r : kafka.readAll(topic)) {
            JsonNode v = json.readTree(r.value());
            String key = v.get("key").textValue() + "@" + v.get("window").get("startMillis").longValue();
            assertThat(actual.put(key, v.get("value").longValue())).as("one result per key and window: %s", key)
                    .isNull();
        }
        return actual;
    }

    private static Map<String, Long> merge(Map<String, Long> a, Map<String, Long> b) {
        Map<String, Long> result = new TreeMap<>(a);
        b.forEach((k, v) -> result.merge(k, v, Long::sum));
        return result;
    }

    private static Map<String, Long> writeClicks(KafkaTestSupport kafka, String topic, int n) throws Exception {
        return writeClicks(kafka, topic, 0, n, 3);
    }

    /** Clicks {@code from..from+n-1} (event time {@code BASE + 20 ms * i}, up to 3 s early); the expected counts. */
    private static Map<String, Long> writeClicks(KafkaTestSupport kafka, String topic, int from, int n, long seed)
            throws Exception {
        Random rnd = new Random(seed);
        Map<String, Long> expected = new TreeMap<>();
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (int i = from; i < from + n; i++) {
            long ts = BASE + i * 20L - rnd.nextInt(3_000);
            String user = "u" + rnd.nextInt(50);
            byte[] value = ("{\"user\": \"" + user + "\", \"page\": \"/p" + i + "\"}").getBytes(StandardCharsets.UTF_8);
            records.add(new ProducerRecord<>(topic, i % 4, ts, null, value));
            expected.merge(user + "@" + (ts - Math.floorMod(ts, WINDOW)), 1L, Long::sum);
        }
        kafka.sendAll(records);
        return expected;
    }

    /** Polls the instance's readiness until its pipeline task reports FINISHED. */
    /** Waits until the instance's task finished; returns the largest RocksDB native memory its metrics showed. */
    private static double awaitFinished(int port, Process instance) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        String body = "";
        double nativeMemory = 0;
        while (System.nanoTime() < deadline) {
            assertThat(instance.isAlive()).as("instance on port %d alive", port).isTrue();
            try {
                body = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                        .build(), HttpResponse.BodyHandlers.ofString()).body();
                if (body.contains("FINISHED")) {
                    return nativeMemory;
                }
                String metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/metrics"))
                        .build(), HttpResponse.BodyHandlers.ofString()).body();
                for (String line : metrics.lines().toList()) {
                    if (line.startsWith("weir_state_native_memory_bytes{")) {
                        nativeMemory = Math.max(nativeMemory, Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)));
                    }
                }
                assertThat(body).as("readiness").doesNotContain("FAILED");
            } catch (java.net.ConnectException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("instance on port " + port + " did not finish its task: " + body);
    }
}
