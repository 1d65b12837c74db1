package dev.weir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weir.runtime.spec.SpecJson;
import dev.weir.runtime.spec.TestFunctionJar;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DescribeCommandTest {
    @TempDir
    Path dir;

    @Test
    void builtinIsDescribedAsJson() throws Exception {
        Cli.Result r = Cli.run("describe", "count");
        assertThat(r.exitCode()).isEqualTo(ExitCode.OK.code());
        JsonNode md = SpecJson.mapper().readTree(r.out());
        assertThat(md.get("name").asText()).isEqualTo("count");
        assertThat(md.get("kind").asText()).isEqualTo("WINDOW_AGGREGATE");
        assertThat(md.get("configType").isNull()).isTrue();
        assertThat(md.get("parameters")).isEmpty();
    }

    @Test
    void functionInAJarIsDescribedWithItsParameters() throws Exception {
        Path jar = TestFunctionJar.shout(dir);
        Cli.Result r = Cli.run("describe", TestFunctionJar.SHOUT_CLASS, "--jar", jar.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCode.OK.code());
        JsonNode md = SpecJson.mapper().readTree(r.out());
        assertThat(md.get("version").asText()).isEqualTo("2.0.1");
        assertThat(md.get("kind").asText()).isEqualTo("STATELESS");
        assertThat(md.get("outputType").asText()).isEqualTo("java.lang.String");
        assertThat(md.at("/parameters/0").toString())
                .isEqualTo("{\"name\":\"suffix\",\"type\":\"string\",\"javaType\":\"java.lang.String\","
                        + "\"description\":\"appended\",\"required\":false,\"default\":\"!\"}");
    }

    @Test
    void unknownClassExitsWithNotFound() {
        Cli.Result r = Cli.run("describe", "com.acme.Missing");
        assertThat(r.exitCode()).isEqualTo(ExitCode.NOT_FOUND.code());
        assertThat(r.err()).isEqualTo("weir: class 'com.acme.Missing' not found; add its jar with --jar\n");
    }

    @Test
    void classThatIsNotAFunctionIsReported() {
        Cli.Result r = Cli.run("describe", "java.lang.String");
        assertThat(r.exitCode()).isEqualTo(ExitCode.NOT_A_FUNCTION.code());
        assertThat(r.err()).isEqualTo("weir: java.lang.String is not annotated with @WeirFunction\n");
    }
}
