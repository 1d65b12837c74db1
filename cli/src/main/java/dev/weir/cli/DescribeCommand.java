package dev.weir.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.weir.api.metadata.FunctionMetadata;
import dev.weir.api.metadata.ParameterMetadata;
import dev.weir.runtime.spec.FunctionLoader;
import dev.weir.runtime.spec.SpecJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code weir describe <class> [--jar fn.jar]...}: prints a function's metadata as JSON. */
@Command(name = "describe", description = "Print a function's metadata (name, version, kind, types, parameters) as JSON.")
final class DescribeCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Parameters(index = "0", paramLabel = "FUNCTION", description = "A function class name, or a built-in name such as count.")
    String function;

    @Mixin
    FunctionJars functionJars;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        try (FunctionLoader functions = functionJars.open()) {
            FunctionMetadata md = functions.describe(function);
            out.println(SpecJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(json(md)));
            out.flush();
            return ExitCode.OK.code();
        } catch (ClassNotFoundException | NoClassDefFoundError e) {
            err.println("weir: class '" + function + "' not found" + (functionJars.jars.isEmpty() ? "; add its jar with --jar" : ""));
            return ExitCode.NOT_FOUND.code();
        } catch (NoSuchFileException e) {
            err.println("weir: no such file: " + e.getFile());
            return ExitCode.NOT_FOUND.code();
        } catch (IllegalArgumentException e) {
            err.println("weir: " + e.getMessage());
            return ExitCode.NOT_A_FUNCTION.code();
        }
    }

    /** The metadata as JSON; a parameter's default is shown as the JSON value it stands for. */
    static ObjectNode json(FunctionMetadata md) {
        ObjectNode o = SpecJson.mapper().createObjectNode();
        o.put("className", md.className());
        o.put("name", md.name());
        o.put("version", md.version());
        o.put("description", md.description());
        o.put("kind", md.kind().name());
        o.put("inputType", md.inputType());
        o.put("outputType", md.outputType());
        if (md.configType() == Void.class) {
            o.putNull("configType");
        } else {
            o.put("configType", md.configType().getName());
        }
        ArrayNode params = o.putArray("parameters");
        for (ParameterMetadata p : md.parameters()) {
            ObjectNode j = params.addObject();
            j.put("name", p.name());
            j.put("type", p.type());
            j.put("javaType", p.javaType().getName());
            j.put("description", p.description());
            j.put("required", p.required());
            p.defaultValue().ifPresent(d -> j.set("default", parse(d)));
        }
        return o;
    }

    private static JsonNode parse(String json) {
        try {
            return SpecJson.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(json);
        }
    }
}
