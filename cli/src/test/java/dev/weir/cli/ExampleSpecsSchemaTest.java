package dev.weir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.weir.runtime.spec.SpecJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every example spec validates against the published JSON Schema and compiles; the schema rejects bad specs. */
class ExampleSpecsSchemaTest {
    private static final JsonSchema SCHEMA = load();

    private static JsonSchema load() {
        try (InputStream in = ExampleSpecsSchemaTest.class.getResourceAsStream("/dev/weir/spec/pipeline-spec-v1.schema.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("..", "examples"))) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
    }

    @ParameterizedTest
    @MethodSource("examples")
    void exampleMatchesTheSchemaAndCompiles(Path example) throws IOException {
        Set<ValidationMessage> errors = SCHEMA.validate(SpecJson.mapper().readTree(example.toFile()));
        assertThat(errors).isEmpty();
        Cli.Result r = Cli.run("validate", example.toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCode.OK.code());
    }

    @Test
    void schemaRejectsUnknownPropertiesMissingOnesAndBadDurations() throws IOException {
        JsonNode bad = SpecJson.mapper().readTree("""
                {"specVersion": 1, "name": "x", "nodes": [
                  {"name": "w", "type": "window", "window": {"type": "tumbling", "size": "10s", "slide": "PT1S"}},
                  {"name": "k", "type": "keyBy", "field": "a", "function": {"builtin": "field-key"}}]}""");
        List<String> paths = SCHEMA.validate(bad).stream().map(m -> m.getInstanceLocation() + " " + m.getType()).toList();
        assertThat(paths).contains("$.nodes[0].window.size pattern", "$.nodes[0].window additionalProperties",
                "$.nodes[0] required", "$.nodes[1] oneOf");
    }
}
