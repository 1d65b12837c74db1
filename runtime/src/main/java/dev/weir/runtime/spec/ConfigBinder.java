package dev.weir.runtime.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.weir.api.metadata.FunctionMetadata;
import dev.weir.api.metadata.ParameterMetadata;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Binds a function reference's {@code config} object to the function's config record: unknown properties are
 * errors, a missing parameter takes its {@link dev.weir.api.metadata.Param#defaultValue()} or, without one, is an
 * error; each parameter's value is type-checked on its own, so every bad one is reported.
 */
final class ConfigBinder {
    /** A bound config: {@code value} is the config record, or null for functions without one. */
    record Bound(Object value) {
    }

    private final Problems problems;

    ConfigBinder(Problems problems) {
        this.problems = problems;
    }

    /** The bound config, or null (with problems reported) if it is invalid. */
    Bound bind(FunctionMetadata fn, JsonNode config, SpecPath path) {
        if (config != null && !config.isObject()) {
            problems.add(path, "expected an object of parameters, got " + StructureCheck.show(config));
            return null;
        }
        List<ParameterMetadata> params = fn.parameters();
        if (fn.configType() == Void.class) {
            if (config != null && config.size() > 0) {
                problems.add(path, "function '" + fn.name() + "' takes no parameters");
                return null;
            }
            return new Bound(null);
        }
        int before = problems.count();
        if (config != null) {
            for (Iterator<String> it = config.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (params.stream().noneMatch(p -> p.name().equals(f))) {
                    problems.add(path.property(f), "unknown parameter; parameters of '" + fn.name() + "': "
                            + params.stream().map(ParameterMetadata::name).collect(Collectors.joining(", ")));
                }
            }
        }
        Map<String, RecordComponent> components = StructureCheck.properties(fn.configType());
        ObjectNode filled = SpecJson.mapper().createObjectNode();
        for (ParameterMetadata p : params) {
            JsonNode v = config == null ? null : config.get(p.name());
            if (v == null) {
                if (p.required()) {
                    problems.add(path.property(p.name()), "required parameter missing");
                    continue;
                }
                v = parseDefault(p.defaultValue().orElseThrow());
            }
            RecordComponent rc = components.get(p.name());
            if (rc != null && checkValue(v, p, SpecJson.mapper().constructType(rc.getGenericType()), path.property(p.name()))) {
                filled.set(p.name(), v);
            }
        }
        if (problems.count() != before) {
            return null;
        }
        try {
            return new Bound(SpecJson.mapper().treeToValue(filled, fn.configType()));
        } catch (JsonProcessingException e) {
            problems.add(path, "invalid configuration: " + rootMessage(e));
            return null;
        }
    }

    private boolean checkValue(JsonNode v, ParameterMetadata p, JavaType type, SpecPath at) {
        try {
            SpecJson.mapper().readerFor(type).readValue(v);
            return true;
        } catch (IOException | IllegalArgumentException e) {
            if (p.javaType().isEnum() && v.isTextual()) {
                problems.add(at, "'" + v.textValue() + "' is not one of: " + java.util.Arrays.stream(p.javaType().getEnumConstants())
                        .map(String::valueOf).collect(Collectors.joining(", ")));
            } else if (p.javaType() == java.time.Duration.class && v.isTextual()) {
                problems.add(at, "'" + v.textValue() + "' is not an ISO-8601 duration (examples: 'PT10S', 'PT0.5S', 'PT5M')");
            } else {
                problems.add(at, "expected " + article(p.type()) + ", got " + StructureCheck.show(v));
            }
            return false;
        }
    }

    /** A default is JSON text; a bare word that is not JSON is taken as a string, as authors often write it so. */
    private static JsonNode parseDefault(String text) {
        try {
            return SpecJson.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(text);
        }
    }

    private static String article(String type) {
        return switch (type) {
            case "string", "number", "boolean", "duration" -> "a " + type;
            case "integer", "enum" -> "an " + type;
            default -> "a value of type " + type;
        };
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t instanceof JsonProcessingException j ? j.getOriginalMessage() : t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m;
    }
}
