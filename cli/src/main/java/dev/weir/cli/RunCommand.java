package dev.weir.cli;

import dev.weir.runtime.engine.JobResult;
import dev.weir.runtime.engine.LocalEngine;
import dev.weir.runtime.graph.PipelineGraph;
import dev.weir.runtime.spec.FunctionLoader;
import dev.weir.runtime.spec.SpecCompiler;
import dev.weir.runtime.spec.SpecContext;
import dev.weir.runtime.spec.SpecException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code weir run <spec.json> [--jar fn.jar]...}: compiles a spec and runs it on the local engine until its
 * sources end. Print sinks write to standard output; a summary of the run goes to standard error.
 */
@Command(name = "run", description = "Run a pipeline spec on the local engine. Results of print sinks go to stdout, "
        + "a summary to stderr.")
final class RunCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Parameters(index = "0", paramLabel = "SPEC", description = "The pipeline spec (JSON).")
    Path spec;

    @Mixin
    FunctionJars functionJars;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        try (FunctionLoader functions = functionJars.open()) {
            PipelineGraph graph = new SpecCompiler(SpecContext.defaults().withFunctions(functions).withOut(out)).compile(spec);
            JobResult result;
            try {
                result = new LocalEngine().run(graph);
            } catch (RuntimeException e) {
                out.flush();
                err.println("weir: pipeline '" + graph.name() + "' failed: " + e.getMessage());
                return ExitCode.JOB_FAILED.code();
            }
            out.flush();
            RunSummary.print(graph, result, err);
            return ExitCode.OK.code();
        } catch (SpecException e) {
            return SpecFailures.print(spec, e.problems(), err);
        } catch (NoSuchFileException e) {
            err.println("weir: no such file: " + e.getFile());
            return ExitCode.NOT_FOUND.code();
        }
    }
}
