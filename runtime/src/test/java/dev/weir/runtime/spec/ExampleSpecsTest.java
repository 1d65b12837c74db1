package dev.weir.runtime.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.runtime.graph.PipelineGraph;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every example spec under {@code examples/} compiles. (Schema validation of the examples is a CLI-module test.) */
class ExampleSpecsTest {

    static List<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("..", "examples"))) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
    }

    @ParameterizedTest
    @MethodSource("examples")
    void exampleCompiles(Path example) throws IOException {
        SpecCompiler compiler = new SpecCompiler(SpecContext.defaults().withOut(new PrintWriter(new StringWriter())));
        assertThat(compiler.validate(example)).isEmpty();
        PipelineGraph graph = compiler.compile(example);
        assertThat(graph.nodes()).isNotEmpty();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void exampleSurvivesAJsonRoundTrip(Path example) throws IOException {
        PipelineSpec spec = SpecJson.mapper().readValue(example.toFile(), PipelineSpec.class);
        PipelineSpec again = SpecJson.mapper().readValue(SpecJson.write(spec), PipelineSpec.class);
        assertThat(again).isEqualTo(spec);
    }

    @ParameterizedTest
    @MethodSource("examples")
    void exampleBoundToRecordsCompilesToTheSameGraph(Path example) throws IOException {
        SpecCompiler compiler = new SpecCompiler(SpecContext.defaults().withOut(new PrintWriter(new StringWriter()))
                .withBaseDirectory(example.getParent()));
        PipelineSpec spec = SpecJson.mapper().readValue(example.toFile(), PipelineSpec.class);
        assertThat(GraphDescription.of(compiler.compile(spec))).isEqualTo(GraphDescription.of(compiler.compile(example)));
    }
}
