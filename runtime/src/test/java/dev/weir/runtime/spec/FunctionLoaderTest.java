package dev.weir.runtime.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.api.metadata.FunctionKind;
import dev.weir.api.metadata.FunctionMetadata;
import dev.weir.runtime.engine.LocalEngine;
import dev.weir.runtime.functions.Count;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Functions are loaded by class name through the loader's class loader, including from jars. */
class FunctionLoaderTest {
    @TempDir
    Path dir;

    @Test
    void builtinNamesAndClassNamesResolve() throws Exception {
        FunctionLoader loader = FunctionLoader.system();
        assertThat(loader.resolve("count")).isEqualTo(Count.class);
        assertThat(loader.describe(Count.class.getName()).name()).isEqualTo("count");
        assertThatThrownBy(() -> loader.resolve("nope")).isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void functionFromAJarIsDescribedConfiguredAndRun() throws Exception {
        Path jar = TestFunctionJar.shout(dir);
        String spec = TestFunctionJar.wordsSpec(dir, "{'class': 'com.acme.Shout', 'config': {'suffix': '?'}}");
        StringWriter printed = new StringWriter();
        try (FunctionLoader loader = FunctionLoader.withJars(List.of(jar))) {
            FunctionMetadata md = loader.describe(TestFunctionJar.SHOUT_CLASS);
            assertThat(md.kind()).isEqualTo(FunctionKind.STATELESS);
            assertThat(md.version()).isEqualTo("2.0.1");
            SpecContext context = SpecContext.defaults().withFunctions(loader).withBaseDirectory(dir)
                    .withOut(new PrintWriter(printed, true));
            new LocalEngine().run(new SpecCompiler(context).compile(spec));
        }
        assertThat(printed.toString().lines()).containsExactly("1970-01-01T00:00:00.001Z {\"W\":\"A\",\"TS\":1}?",
                "1970-01-01T00:00:00.002Z {\"W\":\"B\",\"TS\":2}?", "1970-01-01T00:00:00.003Z {\"W\":\"C\",\"TS\":3}?");
    }

    @Test
    void withoutTheJarTheClassIsNotFound() throws Exception {
        String spec = TestFunctionJar.wordsSpec(dir, "{'class': 'com.acme.Shout'}");
        assertThat(new SpecCompiler(SpecContext.defaults().withBaseDirectory(dir)).validate(spec).stream().map(SpecProblem::toString))
                .containsExactly("nodes[1] (name 'fn').function.class: class 'com.acme.Shout' not found");
    }

    @Test
    void missingJarIsReported() {
        assertThatThrownBy(() -> FunctionLoader.withJars(List.of(dir.resolve("missing.jar"))))
                .isInstanceOf(NoSuchFileException.class).hasMessageContaining("missing.jar");
    }
}
