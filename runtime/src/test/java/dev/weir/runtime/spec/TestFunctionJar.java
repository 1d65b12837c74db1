package dev.weir.runtime.spec;

import dev.weir.api.metadata.WeirFunction;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Compiles a function class against the functions API and packs it into a jar, as a function author would: for
 * tests of loading functions from jars that are not on the class path. Public for the CLI module's tests.
 */
public final class TestFunctionJar {
    /** {@code com.acme.Shout}: a stateless function appending its {@code suffix} parameter (default "!"). */
    public static final String SHOUT_CLASS = "com.acme.Shout";
    public static final String SHOUT_SOURCE = """
            package com.acme;

            import dev.weir.api.function.*;
            import dev.weir.api.metadata.*;

            @WeirFunction(name = "shout", version = "2.0.1", description = "Upper-cases text", config = Shout.Config.class)
            public class Shout implements StatelessFunction<Object, String> {
                public record Config(@Param(description = "appended", defaultValue = "\\"!\\"") String suffix) {}

                private final Config config;

                public Shout(Config config) {
                    this.config = config;
                }

                @Override
                public void process(Object input, FunctionContext ctx, Collector<String> out) {
                    out.emit(String.valueOf(input).toUpperCase() + config.suffix());
                }
            }
            """;

    private TestFunctionJar() {
    }

    /** A jar in {@code dir} holding {@link #SHOUT_CLASS}. */
    public static Path shout(Path dir) throws IOException {
        return build(dir, "com/acme/Shout.java", SHOUT_SOURCE);
    }

    /** Compiles {@code source} (at {@code relativePath}, e.g. {@code com/acme/Fn.java}) into {@code dir/functions.jar}. */
    public static Path build(Path dir, String relativePath, String source) throws IOException {
        Path src = dir.resolve("src").resolve(relativePath);
        Path classes = dir.resolve("classes");
        Files.createDirectories(src.getParent());
        Files.createDirectories(classes);
        Files.writeString(src, source);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(null, null, null, "-d", classes.toString(), "-cp", apiLocation(), "--release", "17", src.toString());
        if (rc != 0) {
            throw new IllegalStateException("javac failed for " + relativePath);
        }
        Path jar = dir.resolve("functions.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, (OutputStream) out);
                out.closeEntry();
            }
        }
        return jar;
    }

    private static String apiLocation() {
        try {
            return Path.of(WeirFunction.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A spec: 3 lines of a JSON-lines file {@code words.jsonl} -> {@code ref} -> print. Writes the file into {@code dir}. */
    public static String wordsSpec(Path dir, String functionRef) throws IOException {
        Files.write(dir.resolve("words.jsonl"), List.of("{\"w\": \"a\", \"ts\": 1}", "{\"w\": \"b\", \"ts\": 2}", "{\"w\": \"c\", \"ts\": 3}"));
        return Specs.spec("""
                {'name': 'words', 'type': 'source', 'connector': {'type': 'jsonl', 'path': 'words.jsonl'},
                 'watermarks': {'timestampField': 'ts'}},
                {'name': 'fn', 'type': 'function', 'function': %s},
                {'name': 'out', 'type': 'sink', 'connector': {'type': 'print'}}""".formatted(functionRef),
                "{'from': 'words', 'to': 'fn'}, {'from': 'fn', 'to': 'out'}");
    }
}
