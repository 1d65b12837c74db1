package dev.weir.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weir.runtime.graph.PipelineGraph;
import dev.weir.runtime.spec.FunctionLoader;
import dev.weir.runtime.spec.SpecCompiler;
import dev.weir.runtime.spec.SpecContext;
import dev.weir.runtime.spec.SpecException;
import dev.weir.runtime.spec.SpecJson;
import dev.weir.runtime.spec.SpecProblem;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code weir validate <spec.json>}: checks a spec without running it and prints every problem. */
@Command(name = "validate", description = "Check a pipeline spec and print every problem (exit code 2 if invalid).")
final class ValidateCommand implements Callable<Integer> {
    /** How to print the outcome. */
    enum Format { text, json }

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Parameters(index = "0", paramLabel = "SPEC", description = "The pipeline spec (JSON).")
    Path spec;

    @Mixin
    FunctionJars functionJars;

    @Option(names = {"-o", "--output"}, defaultValue = "text",
            description = "text (problems on stderr) or json (a report on stdout). Default: ${DEFAULT-VALUE}.")
    Format format;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        List<SpecProblem> problems;
        PipelineGraph graph = null;
        try (FunctionLoader functions = functionJars.open()) {
            SpecContext context = SpecContext.defaults().withFunctions(functions).withOut(new PrintWriter(new StringWriter()));
            graph = new SpecCompiler(context).compile(spec);
            problems = List.of();
        } catch (SpecException e) {
            problems = e.problems();
        } catch (NoSuchFileException e) {
            err.println("weir: no such file: " + e.getFile());
            return ExitCode.NOT_FOUND.code();
        }
        if (format == Format.json) {
            out.println(SpecJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report(problems)));
            out.flush();
            return problems.isEmpty() ? ExitCode.OK.code() : ExitCode.INVALID_SPEC.code();
        }
        if (!problems.isEmpty()) {
            return SpecFailures.print(spec, problems, err);
        }
        out.println(spec + ": pipeline '" + graph.name() + "' is valid (" + graph.nodes().size() + " nodes, "
                + graph.edges().size() + " edges)");
        out.flush();
        return ExitCode.OK.code();
    }

    private ObjectNode report(List<SpecProblem> problems) {
        ObjectNode r = SpecJson.mapper().createObjectNode();
        r.put("spec", spec.toString());
        r.put("valid", problems.isEmpty());
        ArrayNode list = r.putArray("problems");
        problems.forEach(p -> list.addObject().put("path", p.path()).put("message", p.message()));
        return r;
    }
}
