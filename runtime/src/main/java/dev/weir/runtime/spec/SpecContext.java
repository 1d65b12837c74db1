package dev.weir.runtime.spec;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What compiling a spec may use from its surroundings.
 *
 * @param functions     loads function classes (and classes named by {@code valueType})
 * @param baseDirectory relative file paths in connectors are resolved against it (the spec file's directory)
 * @param out           where {@code print} sinks write
 */
public record SpecContext(FunctionLoader functions, Path baseDirectory, PrintWriter out) {
    public SpecContext {
        Objects.requireNonNull(functions, "functions");
        Objects.requireNonNull(baseDirectory, "baseDirectory");
        Objects.requireNonNull(out, "out");
    }

    /** Built-in and class-path functions, the working directory, standard output. */
    public static SpecContext defaults() {
        return new SpecContext(FunctionLoader.system(), Path.of(""),
                new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
    }

    public SpecContext withFunctions(FunctionLoader newFunctions) {
        return new SpecContext(newFunctions, baseDirectory, out);
    }

    public SpecContext withBaseDirectory(Path directory) {
        return new SpecContext(functions, directory, out);
    }

    public SpecContext withOut(PrintWriter newOut) {
        return new SpecContext(functions, baseDirectory, newOut);
    }

    /** {@code path} resolved against {@link #baseDirectory()}. */
    Path resolve(String path) {
        return baseDirectory.resolve(path).toAbsolutePath().normalize();
    }
}
