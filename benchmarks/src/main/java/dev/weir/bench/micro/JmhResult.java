package dev.weir.bench.micro;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * One benchmark run (one combination of parameters) of a JMH JSON result file ({@code -rf json}).
 *
 * @param benchmark      the fully qualified method, e.g. {@code dev.weir.bench.micro.SerdeBenchmark.jsonEncode}
 * @param mode           JMH's short mode name ({@code avgt}, {@code thrpt}, ...)
 * @param params         the {@code @Param} values, in JMH's order
 * @param score          the primary metric
 * @param scoreError     its 99.9% confidence half-width; NaN when there were too few iterations
 * @param scoreUnit      e.g. {@code ns/op}
 * @param iterations     the primary metric of every measurement iteration, all forks
 * @param secondary      the secondary metrics' scores by name, e.g. {@code gc.alloc.rate.norm} with {@code -prof gc}
 * @param run            how it was run (JMH, JVM, iterations)
 */
public record JmhResult(String benchmark, String mode, Map<String, String> params, double score, double scoreError,
                        String scoreUnit, List<Double> iterations, Map<String, Double> secondary,
                        RunSettings run) {

    public JmhResult {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        iterations = List.copyOf(iterations);
        secondary = Map.copyOf(secondary);
    }

    /** A secondary metric's score, if the run has it. */
    public OptionalDouble secondary(String metric) {
        Double d = secondary.get(metric);
        return d == null ? OptionalDouble.empty() : OptionalDouble.of(d);
    }

    /** Heap bytes allocated per operation ({@code -prof gc}). */
    public OptionalDouble allocBytesPerOp() {
        return secondary("gc.alloc.rate.norm");
    }

    /**
     * The best measurement iteration: the lowest time per operation, or the highest rate. Less sensitive than the
     * mean to other processes taking the CPU for a while.
     */
    public OptionalDouble bestIteration() {
        boolean rate = scoreUnit.startsWith("ops/");
        return rate ? iterations.stream().mapToDouble(Double::doubleValue).max()
                : iterations.stream().mapToDouble(Double::doubleValue).min();
    }

    /** How a benchmark was run, as JMH records it. */
    public record RunSettings(String jmhVersion, String vmName, String vmVersion, List<String> jvmArgs, int forks,
                              int warmupIterations, String warmupTime, int measurementIterations,
                              String measurementTime) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The benchmark class's simple name, e.g. {@code SerdeBenchmark}. */
    public String className() {
        String owner = benchmark.substring(0, benchmark.lastIndexOf('.'));
        return owner.substring(owner.lastIndexOf('.') + 1);
    }

    /** The benchmark method's name. */
    public String method() {
        return benchmark.substring(benchmark.lastIndexOf('.') + 1);
    }

    /** Reads every run of a JMH JSON result file. */
    public static List<JmhResult> read(Path file) throws IOException {
        JsonNode root = JSON.readTree(file.toFile());
        if (root == null || !root.isArray()) {
            throw new IOException(file + " is not a JMH JSON result (an array of benchmark runs)");
        }
        List<JmhResult> results = new ArrayList<>();
        for (JsonNode run : root) {
            results.add(parse(run));
        }
        return results;
    }

    static JmhResult parse(JsonNode run) {
        Map<String, String> params = new LinkedHashMap<>();
        run.path("params").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
        JsonNode primary = run.path("primaryMetric");
        Map<String, Double> secondary = new LinkedHashMap<>();
        run.path("secondaryMetrics").fields()
                .forEachRemaining(e -> secondary.put(e.getKey(), number(e.getValue().path("score"))));
        List<Double> iterations = new ArrayList<>();
        primary.path("rawData").forEach(fork -> fork.forEach(i -> iterations.add(number(i))));
        List<String> jvmArgs = new ArrayList<>();
        run.path("jvmArgs").forEach(a -> jvmArgs.add(a.asText()));
        RunSettings settings = new RunSettings(run.path("jmhVersion").asText(), run.path("vmName").asText(),
                run.path("vmVersion").asText(), jvmArgs, run.path("forks").asInt(),
                run.path("warmupIterations").asInt(), run.path("warmupTime").asText(),
                run.path("measurementIterations").asInt(), run.path("measurementTime").asText());
        return new JmhResult(run.path("benchmark").asText(), run.path("mode").asText(), params,
                number(primary.path("score")), number(primary.path("scoreError")), primary.path("scoreUnit").asText(),
                iterations,
                secondary,
                settings);
    }

    /** JMH writes NaN and infinities as strings. */
    private static double number(JsonNode n) {
        if (n.isNumber()) {
            return n.asDouble();
        }
        try {
            return Double.parseDouble(n.asText());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
