package dev.weir.runtime.functions;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Reads a named field from a value, whatever its shape: a property of a Jackson {@link JsonNode} object, a key of
 * a {@link Map}, a record component, a public getter ({@code getX()}, {@code isX()} or {@code x()}) or a public
 * field. A dotted path ({@code "bid.price"}) reads nested fields. How to read the field is worked out once per
 * value class, not per value.
 *
 * <p>JSON scalars are unwrapped to Java values, so keys and numbers compare the same whether they came from JSON
 * or from a record: text to {@code String}, integers to {@code Long}, other numbers to {@code Double}, booleans
 * to {@code Boolean}, JSON {@code null} and absent properties to {@code null}. JSON objects and arrays stay
 * {@code JsonNode}s.
 *
 * <p>Thread-safe.
 */
public final class FieldAccessor {
    private final String path;
    private final Level[] levels;

    private FieldAccessor(String path, Level[] levels) {
        this.path = path;
        this.levels = levels;
    }

    /**
     * @param path a field name, or field names joined by dots
     * @throws IllegalArgumentException if the path or one of its names is blank
     */
    public static FieldAccessor of(String path) {
        Objects.requireNonNull(path, "path");
        String[] names = path.split("\\.", -1);
        Level[] levels = new Level[names.length];
        for (int i = 0; i < names.length; i++) {
            if (names[i].isBlank()) {
                throw new IllegalArgumentException("field path '" + path + "' has an empty name");
            }
            levels[i] = new Level(names[i].strip());
        }
        return new FieldAccessor(path, levels);
    }

    /** The path as given. */
    public String path() {
        return path;
    }

    /**
     * The field's value, or {@code null} if a JSON object or map on the way lacks it (or holds null).
     *
     * @throws IllegalArgumentException if a value on the way is of a class without such a field
     */
    public Object get(Object value) {
        Object v = value;
        for (Level level : levels) {
            if (v == null) {
                return null;
            }
            v = level.get(v);
        }
        return v;
    }

    /**
     * Checks, before any value exists, that values of {@code type} have the field. Classes whose fields are only
     * known per value (JSON nodes, maps, {@code Object}, interfaces) pass.
     *
     * @return what is wrong, or empty
     */
    public Optional<String> check(Class<?> type) {
        Class<?> t = type;
        for (Level level : levels) {
            if (isDynamic(t)) {
                return Optional.empty();
            }
            Member m = resolve(t, level.name);
            if (m == null) {
                return Optional.of("'" + level.name + "' is not a field, record component or getter of " + t.getName());
            }
            t = m.type;
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "FieldAccessor(" + path + ")";
    }

    private static boolean isDynamic(Class<?> t) {
        return t == Object.class || t.isInterface() || JsonNode.class.isAssignableFrom(t) || Map.class.isAssignableFrom(t);
    }

    /** Reads one name, caching how per value class. */
    private static final class Level {
        private final String name;
        private final Map<Class<?>, Function<Object, Object>> getters = new ConcurrentHashMap<>();
        private volatile Cached last;

        private record Cached(Class<?> type, Function<Object, Object> getter) {
        }

        Level(String name) {
            this.name = name;
        }

        Object get(Object value) {
            Cached c = last;
            if (c == null || c.type != value.getClass()) {
                c = new Cached(value.getClass(), getters.computeIfAbsent(value.getClass(), this::getterFor));
                last = c;
            }
            return c.getter.apply(value);
        }

        private Function<Object, Object> getterFor(Class<?> type) {
            if (JsonNode.class.isAssignableFrom(type)) {
                return v -> unwrap(((JsonNode) v).get(name));
            }
            if (Map.class.isAssignableFrom(type)) {
                return v -> ((Map<?, ?>) v).get(name);
            }
            Member m = resolve(type, name);
            if (m == null) {
                String message = "field '" + name + "' is not a field, record component or getter of " + type.getName();
                return v -> {
                    throw new IllegalArgumentException(message);
                };
            }
            return m.reader;
        }
    }

    private record Member(Class<?> type, Function<Object, Object> reader) {
    }

    private static Member resolve(Class<?> type, String name) {
        if (type.isRecord()) {
            for (RecordComponent rc : type.getRecordComponents()) {
                if (rc.getName().equals(name)) {
                    return method(rc.getAccessor());
                }
            }
        }
        String cap = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        for (String candidate : new String[] {"get" + cap, "is" + cap, name}) {
            try {
                Method m = type.getMethod(candidate);
                if (m.getReturnType() != void.class && !Modifier.isStatic(m.getModifiers())
                        && (!candidate.startsWith("is") || m.getReturnType() == boolean.class || m.getReturnType() == Boolean.class)) {
                    return method(m);
                }
            } catch (NoSuchMethodException e) {
                // try the next form
            }
        }
        try {
            Field f = type.getField(name);
            if (!Modifier.isStatic(f.getModifiers())) {
                f.trySetAccessible();
                return new Member(f.getType(), v -> {
                    try {
                        return f.get(v);
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException("cannot read field '" + name + "' of " + type.getName(), e);
                    }
                });
            }
        } catch (NoSuchFieldException e) {
            // not found
        }
        return null;
    }

    private static Member method(Method m) {
        m.trySetAccessible();
        return new Member(m.getReturnType(), v -> {
            try {
                return m.invoke(v);
            } catch (ReflectiveOperationException e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                throw new IllegalStateException("reading " + m.getDeclaringClass().getName() + "." + m.getName()
                        + "() failed: " + cause.getMessage(), cause);
            }
        });
    }

    /** A JSON property as a plain Java value; objects and arrays stay nodes. */
    static Object unwrap(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return null;
        }
        if (n.isTextual()) {
            return n.textValue();
        }
        if (n.isIntegralNumber()) {
            return n.canConvertToLong() ? (Object) n.longValue() : n.bigIntegerValue();
        }
        if (n.isNumber()) {
            return n.doubleValue();
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        return n;
    }
}
