package dev.weir.bench;

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
 * Runs one query in a fresh JVM with this JVM's options and class path (and, being a child process, its CPU
 * affinity), so each query is compiled with its own profiles, as it would be in production. The child prints one
 * {@link RunResult} line per run on stdout; anything else it prints is passed on as progress.
 */
final class ForkedJvm {
    private ForkedJvm() {
    }

    static List<RunResult> run(Query query, BenchmarkOptions options, PrintStream progress)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(inheritedJvmArguments());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(EngineBenchmark.class.getName());
        command.addAll(options.childArguments(query));
        Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        child.getOutputStream().close();
        List<RunResult> results = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                Optional<RunResult> r = RunResult.parseLine(line);
                if (r.isPresent()) {
                    results.add(r.get());
                    progress.println(r.get().summary());
                } else {
                    progress.println(line);
                }
            }
        }
        int exit = child.waitFor();
        if (exit != 0) {
            throw new IllegalStateException("the JVM running " + query.id() + " exited with " + exit);
        }
        return results;
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** This JVM's options less those a second JVM must not repeat (a flight recording to the same file, a debugger). */
    private static List<String> inheritedJvmArguments() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> !a.startsWith("-XX:StartFlightRecording") && !a.startsWith("-agentlib:jdwp"))
                .toList();
    }
}
