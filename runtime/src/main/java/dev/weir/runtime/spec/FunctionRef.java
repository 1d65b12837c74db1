package dev.weir.runtime.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Names a function: a class annotated with {@link dev.weir.api.metadata.WeirFunction}, or a built-in, plus the
 * configuration bound to the function's config record. Exactly one of {@code className} and {@code builtin}.
 *
 * @param className fully qualified class name, loaded through the {@link FunctionLoader} (JSON: {@code class})
 * @param builtin   the name of a built-in function ({@link dev.weir.runtime.functions.BuiltinFunctions})
 * @param config    the function's configuration: an object whose properties are its config record's
 *                  components; null for none (all parameters default)
 */
@JsonPropertyOrder({"class", "builtin", "config"})
public record FunctionRef(@JsonProperty("class") String className, String builtin, JsonNode config) {

    public static FunctionRef ofClass(String className) {
        return new FunctionRef(className, null, null);
    }

    public static FunctionRef builtin(String name) {
        return new FunctionRef(null, name, null);
    }

    public FunctionRef withConfig(JsonNode newConfig) {
        return new FunctionRef(className, builtin, newConfig);
    }
}
