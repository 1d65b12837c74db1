package dev.weir.cli;

import dev.weir.runtime.spec.FunctionLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The {@code --jar} option, shared by commands that load functions. */
public final class FunctionJars {
    @Option(names = "--jar", paramLabel = "JAR", description = "A jar with function classes; repeat for several.")
    List<Path> jars = new ArrayList<>();

    /** A loader over the given jars (the runtime's own functions if none); close it when done. */
    FunctionLoader open() throws IOException {
        return FunctionLoader.withJars(jars);
    }
}
