package dev.weir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.runtime.spec.TestFunctionJar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {
    @TempDir
    Path dir;

    @Test
    void demoPrintsWindowResultsAndLateClicksThenASummary() {
        Cli.Result r = Cli.run("run", "../examples/demo-pipeline.json");
        assertThat(r.exitCode()).isEqualTo(ExitCode.OK.code());
        List<String> lines = r.out().lines().toList();
        List<String> late = lines.stream().filter(l -> l.startsWith("LATE ")).toList();
        assertThat(late).isNotEmpty().allMatch(l -> l.contains("Click[user=user-"));
        assertThat(lines).filteredOn(l -> !l.startsWith("LATE "))
                .isNotEmpty().allMatch(l -> l.matches("2024-01-01T00:0\\d:\\d9\\.999Z WindowResult\\[key=user-\\d, .*"));
        assertThat(r.err()).startsWith("pipeline 'clicks-per-user' finished in ")
                .contains("\n  clicks          source         out 2000\n")
                .contains("late " + late.size() + "\n");
    }

    @Test
    void functionFromAJarRuns() throws Exception {
        Path jar = TestFunctionJar.shout(dir);
        Path spec = dir.resolve("shout.json");
        Files.writeString(spec, TestFunctionJar.wordsSpec(dir, "{'class': 'com.acme.Shout'}"));
        Cli.Result r = Cli.run("run", spec.toString(), "--jar", jar.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.OK.code());
        assertThat(r.out()).isEqualTo("""
                1970-01-01T00:00:00.001Z {"W":"A","TS":1}!
                1970-01-01T00:00:00.002Z {"W":"B","TS":2}!
                1970-01-01T00:00:00.003Z {"W":"C","TS":3}!
                """);
    }

    @Test
    void invalidSpecIsNotRun() throws Exception {
        Path spec = dir.resolve("shout.json");
        Files.writeString(spec, TestFunctionJar.wordsSpec(dir, "{'class': 'com.acme.Shout'}"));
        Cli.Result r = Cli.run("run", spec.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.INVALID_SPEC.code());
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo(spec + ": 1 problem\n  nodes[1] (name 'fn').function.class: class 'com.acme.Shout' not found\n");
    }

    @Test
    void failingPipelineExitsWithJobFailed() throws Exception {
        Path spec = dir.resolve("shout.json");
        Path jar = TestFunctionJar.shout(dir);
        Files.writeString(spec, TestFunctionJar.wordsSpec(dir, "{'class': 'com.acme.Shout'}"));
        Files.write(dir.resolve("words.jsonl"), List.of("{\"w\": \"a\", \"ts\": \"yesterday\"}"));
        Cli.Result r = Cli.run("run", spec.toString(), "--jar", jar.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.JOB_FAILED.code());
        assertThat(r.err()).startsWith("weir: pipeline 'test' failed: ")
                .contains("timestamp field 'ts' is neither epoch milliseconds nor an ISO-8601 instant: 'yesterday'");
    }

    @Test
    void missingJarExitsWithNotFound() {
        Cli.Result r = Cli.run("run", "../examples/demo-pipeline.json", "--jar", dir.resolve("fn.jar").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.NOT_FOUND.code());
        assertThat(r.err()).isEqualTo("weir: no such file: " + dir.resolve("fn.jar").toAbsolutePath() + "\n");
    }
}
