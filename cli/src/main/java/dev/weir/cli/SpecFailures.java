package dev.weir.cli;

import dev.weir.runtime.spec.SpecProblem;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** Prints the problems of an invalid spec, one per line, as {@code file: path: message}. */
final class SpecFailures {
    private SpecFailures() {
    }

    static int print(Path spec, List<SpecProblem> problems, PrintWriter err) {
        err.println(spec + ": " + problems.size() + (problems.size() == 1 ? " problem" : " problems"));
        for (SpecProblem p : problems) {
            err.println("  " + p);
        }
        err.flush();
        return ExitCode.INVALID_SPEC.code();
    }
}
