package dev.weir.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs {@code weir} in-process and captures what it wrote. */
final class Cli {
    /** What one invocation did. */
    record Result(int exitCode, String out, String err) {
    }

    private Cli() {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = WeirCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
