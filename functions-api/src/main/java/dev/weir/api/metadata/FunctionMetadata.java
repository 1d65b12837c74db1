package dev.weir.api.metadata;

import dev.weir.api.function.JoinFunction;
import dev.weir.api.function.KeySelector;
import dev.weir.api.function.KeyedFunction;
import dev.weir.api.function.StatelessFunction;
import dev.weir.api.window.AggregateFunction;
import dev.weir.api.window.ProcessWindowFunction;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the platform knows about a function class without running it: read from {@link WeirFunction}, the
 * config record's components ({@link Param}) and the generic parameters of the function interface it implements.
 *
 * @param className   fully qualified class name
 * @param name        function name
 * @param version     semantic version
 * @param description description
 * @param kind        the function shape
 * @param inputType   the input (element) type, as a Java type name ({@code JOIN}: the left input)
 * @param outputType  the output type, as a Java type name ({@code KEY_SELECTOR}: the key type)
 * @param configType  the config record, or {@code Void.class}
 * @param parameters  declared configuration parameters in declaration order
 */
public record FunctionMetadata(String className, String name, String version, String description, FunctionKind kind,
                               String inputType, String outputType, Class<?> configType,
                               List<ParameterMetadata> parameters) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,62}");
    private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+(-[A-Za-z0-9.]+)?");

    /**
     * Reads a function class's metadata.
     *
     * @throws IllegalArgumentException naming what is wrong, if the class is not a valid Weir function
     */
    public static FunctionMetadata of(Class<?> functionClass) {
        WeirFunction info = functionClass.getAnnotation(WeirFunction.class);
        if (info == null) {
            throw new IllegalArgumentException(functionClass.getName() + " is not annotated with @WeirFunction");
        }
        if (!NAME.matcher(info.name()).matches()) {
            throw new IllegalArgumentException(functionClass.getName() + ": function name '" + info.name()
                    + "' must be lower-case letters, digits and dashes, starting with a letter");
        }
        if (!VERSION.matcher(info.version()).matches()) {
            throw new IllegalArgumentException(functionClass.getName() + ": version '" + info.version()
                    + "' must be MAJOR.MINOR.PATCH");
        }
        FunctionKind kind = kindOf(functionClass);
        Type[] args = typeArguments(functionClass, interfaceOf(kind));
        String in;
        String out;
        switch (kind) {
            case STATELESS, KEY_SELECTOR -> { in = typeName(args[0]); out = typeName(args[1]); }
            case KEYED, WINDOW_PROCESS -> { in = typeName(args[1]); out = typeName(args[2]); }
            case WINDOW_AGGREGATE, JOIN -> { in = typeName(args[0]); out = typeName(args[2]); }
            default -> throw new IllegalStateException();
        }
        Class<?> config = info.config();
        return new FunctionMetadata(functionClass.getName(), info.name(), info.version(), info.description(), kind,
                in, out, config, parametersOf(functionClass, config));
    }

    private static FunctionKind kindOf(Class<?> c) {
        List<FunctionKind> kinds = new ArrayList<>();
        if (StatelessFunction.class.isAssignableFrom(c)) kinds.add(FunctionKind.STATELESS);
        if (KeyedFunction.class.isAssignableFrom(c)) kinds.add(FunctionKind.KEYED);
        if (AggregateFunction.class.isAssignableFrom(c)) kinds.add(FunctionKind.WINDOW_AGGREGATE);
        if (ProcessWindowFunction.class.isAssignableFrom(c)) kinds.add(FunctionKind.WINDOW_PROCESS);
        if (KeySelector.class.isAssignableFrom(c)) kinds.add(FunctionKind.KEY_SELECTOR);
        if (JoinFunction.class.isAssignableFrom(c)) kinds.add(FunctionKind.JOIN);
        if (kinds.size() != 1) {
            throw new IllegalArgumentException(c.getName() + " must implement exactly one of StatelessFunction, "
                    + "KeyedFunction, AggregateFunction, ProcessWindowFunction, KeySelector, JoinFunction; implements " + kinds);
        }
        return kinds.get(0);
    }

    private static Class<?> interfaceOf(FunctionKind kind) {
        return switch (kind) {
            case STATELESS -> StatelessFunction.class;
            case KEYED -> KeyedFunction.class;
            case WINDOW_AGGREGATE -> AggregateFunction.class;
            case WINDOW_PROCESS -> ProcessWindowFunction.class;
            case KEY_SELECTOR -> KeySelector.class;
            case JOIN -> JoinFunction.class;
        };
    }

    /** Resolves the actual type arguments {@code c} gives to {@code target}, following superclasses. */
    static Type[] typeArguments(Class<?> c, Class<?> target) {
        for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
            List<Type> supers = new ArrayList<>(List.of(k.getGenericInterfaces()));
            supers.add(k.getGenericSuperclass());
            for (Type t : supers) {
                if (t instanceof ParameterizedType p && p.getRawType() == target) {
                    return p.getActualTypeArguments();
                }
            }
        }
        Type[] unknown = new Type[target.getTypeParameters().length];
        java.util.Arrays.fill(unknown, Object.class);
        return unknown;
    }

    private static String typeName(Type t) {
        if (t instanceof TypeVariable<?>) {
            return Object.class.getName();
        }
        return t.getTypeName();
    }

    private static List<ParameterMetadata> parametersOf(Class<?> fn, Class<?> config) {
        if (config == Void.class) {
            return List.of();
        }
        if (!config.isRecord()) {
            throw new IllegalArgumentException(fn.getName() + ": config type " + config.getName() + " must be a record");
        }
        List<ParameterMetadata> out = new ArrayList<>();
        for (RecordComponent rc : config.getRecordComponents()) {
            Param p = rc.getAnnotation(Param.class);
            String description = p == null ? "" : p.description();
            Optional<String> def = p == null || p.defaultValue().isEmpty() ? Optional.empty() : Optional.of(p.defaultValue());
            out.add(new ParameterMetadata(rc.getName(), uiType(rc.getType()), rc.getType(), description, def));
        }
        return List.copyOf(out);
    }

    private static final Map<Class<?>, String> UI_TYPES = Map.ofEntries(
            Map.entry(String.class, "string"), Map.entry(int.class, "integer"), Map.entry(Integer.class, "integer"),
            Map.entry(long.class, "integer"), Map.entry(Long.class, "integer"), Map.entry(double.class, "number"),
            Map.entry(Double.class, "number"), Map.entry(float.class, "number"), Map.entry(Float.class, "number"),
            Map.entry(boolean.class, "boolean"), Map.entry(Boolean.class, "boolean"), Map.entry(Duration.class, "duration"));

    private static String uiType(Class<?> t) {
        return UI_TYPES.getOrDefault(t, t.isEnum() ? "enum" : t.getName());
    }
}
