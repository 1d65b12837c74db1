package dev.weir.bench.nexmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs one query on one engine in a fresh JVM with this JVM's options and class path (and CPU affinity), so JIT
 * profiles and heaps of the engines never mix. Flink's JVM also gets the {@code --add-opens} Flink needs on Java 17.
 */
final class NexmarkFork {
    /** Flink 2.x on Java 17: the opens of its {@code env.java.opts.all} defaults that a local job needs. */
    static final List<String> FLINK_JVM_OPTIONS = List.of(
            "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.net=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens=java.base/java.text=ALL-UNNAMED", "--add-opens=java.base/java.time=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED");

    private NexmarkFork() {
    }

    static RunRecord run(Engine engine, NexmarkQuery query, NexmarkOptions options, PrintStream progress)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> !a.startsWith("-XX:StartFlightRecording") && !a.startsWith("-agentlib:jdwp")
                        && !a.startsWith("--add-opens"))
                .toList());
        if (engine == Engine.FLINK) {
            command.addAll(FLINK_JVM_OPTIONS);
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(NexmarkBenchmark.class.getName());
        command.addAll(options.childArguments(engine, query));
        Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        child.getOutputStream().close();
        Optional<RunRecord> result = Optional.empty();
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                Optional<RunRecord> r = RunRecord.parseLine(line);
                if (r.isPresent()) {
                    result = r;
                } else {
                    progress.println(line);
                }
            }
        }
        int exit = child.waitFor();
        if (exit != 0 || result.isEmpty()) {
            throw new IllegalStateException("the JVM running " + query + " on " + engine + " exited with " + exit);
        }
        return result.get();
    }
}
