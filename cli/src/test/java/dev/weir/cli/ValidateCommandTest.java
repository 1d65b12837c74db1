package dev.weir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weir.runtime.spec.SpecJson;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
    @TempDir
    Path dir;

    private Path invalidSpec() throws Exception {
        Path spec = dir.resolve("bad.json");
        Files.writeString(spec, """
                {"specVersion": 1, "name": "bad",
                 "nodes": [
                   {"name": "src", "type": "source", "connector": {"type": "generator"}},
                   {"name": "hourly", "type": "window", "window": {"type": "tumbling", "size": "PT0S"}, "function": {"builtin": "count"}},
                   {"name": "out", "type": "sink", "connector": {"type": "print", "colour": "red"}}],
                 "edges": [{"from": "src", "to": "hourly"}, {"from": "hourly", "to": "snk"}]}
                """);
        return spec;
    }

    @Test
    void validSpecPrintsASummaryAndExitsZero() {
        Cli.Result r = Cli.run("validate", "../examples/demo-pipeline.json");
        assertThat(r.exitCode()).isEqualTo(ExitCode.OK.code());
        assertThat(r.out()).isEqualTo("../examples/demo-pipeline.json: pipeline 'clicks-per-user' is valid (5 nodes, 4 edges)\n");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void invalidSpecPrintsEveryProblemAndExitsTwo() throws Exception {
        Path spec = invalidSpec();
        Cli.Result r = Cli.run("validate", spec.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.INVALID_SPEC.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo(spec + ": 4 problems\n"
                + "  nodes[1] (name 'hourly').window.size: 'PT0S' must be a positive duration\n"
                + "  nodes[2] (name 'out').connector.colour: unknown property; allowed here: type, prefix, format\n"
                + "  edges[0].from: node 'hourly' (window) needs a keyed input, but 'src' is a source node; put a keyBy node between them\n"
                + "  edges[1].to: unknown node 'snk'\n");
    }

    @Test
    void jsonOutputReportsProblemsOnStdout() throws Exception {
        Cli.Result r = Cli.run("validate", "--output", "json", invalidSpec().toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.INVALID_SPEC.code());
        JsonNode report = SpecJson.mapper().readTree(r.out());
        assertThat(report.get("valid").asBoolean()).isFalse();
        assertThat(report.get("problems")).hasSize(4);
        assertThat(report.at("/problems/3/path").asText()).isEqualTo("edges[1].to");
        assertThat(report.at("/problems/3/message").asText()).isEqualTo("unknown node 'snk'");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void missingFileExitsWithNotFound() {
        Cli.Result r = Cli.run("validate", dir.resolve("nope.json").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.NOT_FOUND.code());
        assertThat(r.err()).isEqualTo("weir: no such file: " + dir.resolve("nope.json") + "\n");
    }

    @Test
    void usageErrorExitsWith64() {
        Cli.Result r = Cli.run("validate");
        assertThat(r.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(r.err()).startsWith("Missing required parameter: 'SPEC'");
        assertThat(Cli.run("frobnicate").exitCode()).isEqualTo(ExitCode.USAGE.code());
    }
}
