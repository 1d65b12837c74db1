package dev.weir.runtime.functions;

import dev.weir.api.metadata.WeirFunction;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The built-in functions by their {@link WeirFunction#name()}: what a spec's {@code {"builtin": "count"}} names. */
public final class BuiltinFunctions {
    private static final Map<String, Class<?>> BY_NAME = index(List.of(Count.class, Sum.class, FieldKeySelector.class));

    private BuiltinFunctions() {
    }

    private static Map<String, Class<?>> index(List<Class<?>> classes) {
        Map<String, Class<?>> m = new LinkedHashMap<>();
        for (Class<?> c : classes) {
            m.put(c.getAnnotation(WeirFunction.class).name(), c);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    /** The class of the built-in function {@code name}. */
    public static Optional<Class<?>> find(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** All built-in names, in a stable order. */
    public static Set<String> names() {
        return BY_NAME.keySet();
    }
}
