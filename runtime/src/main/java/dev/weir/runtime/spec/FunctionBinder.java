package dev.weir.runtime.spec;

import dev.weir.api.metadata.FunctionKind;
import dev.weir.api.metadata.FunctionMetadata;
import dev.weir.api.metadata.WeirFunction;
import dev.weir.runtime.functions.BuiltinFunctions;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.Optional;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns a {@link FunctionRef} into a function instance for a node: resolves the class or built-in, checks
 * {@link WeirFunction} and that its {@link FunctionKind} fits the node, binds its config and instantiates it.
 */
final class FunctionBinder {
    /** A function ready for a node. */
    record BoundFunction(Object instance, FunctionMetadata metadata, Object config) {
    }

    private final FunctionLoader loader;
    private final Problems problems;

    FunctionBinder(FunctionLoader loader, Problems problems) {
        this.loader = loader;
        this.problems = problems;
    }

    /**
     * @param ref      the reference
     * @param path     the reference's path ({@code nodes[3] (name 'x').function})
     * @param nodeKind the node kind, for messages
     * @param allowed  the function kinds the node takes
     * @return the function, or null with problems reported
     */
    BoundFunction bind(FunctionRef ref, SpecPath path, String nodeKind, List<FunctionKind> allowed) {
        if ((ref.className() == null) == (ref.builtin() == null)) {
            problems.add(path, ref.className() == null
                    ? "needs 'class' (a function class name) or 'builtin' (one of: " + builtins() + ")"
                    : "give either 'class' or 'builtin', not both");
            return null;
        }
        SpecPath at = ref.className() != null ? path.property("class") : path.property("builtin");
        Class<?> cls = resolve(ref, at);
        if (cls == null) {
            return null;
        }
        if (!cls.isAnnotationPresent(WeirFunction.class)) {
            problems.add(at, cls.getName() + " is not annotated with @WeirFunction");
            return null;
        }
        FunctionMetadata md;
        try {
            md = FunctionMetadata.of(cls);
        } catch (IllegalArgumentException e) {
            problems.add(at, e.getMessage());
            return null;
        }
        if (!allowed.contains(md.kind())) {
            problems.add(at, "'" + md.name() + "' (" + cls.getName() + ") is " + describe(md.kind()) + "; a '" + nodeKind
                    + "' node takes " + allowed.stream().map(FunctionBinder::describe).collect(Collectors.joining(" or ")));
            return null;
        }
        ConfigBinder.Bound config = new ConfigBinder(problems).bind(md, ref.config(), path.property("config"));
        if (config == null) {
            return null;
        }
        Object instance = instantiate(cls, md, config.value(), at);
        return instance == null ? null : new BoundFunction(instance, md, config.value());
    }

    private Class<?> resolve(FunctionRef ref, SpecPath at) {
        if (ref.builtin() != null) {
            Optional<Class<?>> c = BuiltinFunctions.find(ref.builtin());
            if (c.isEmpty()) {
                problems.add(at, "unknown built-in function '" + ref.builtin() + "'; one of: " + builtins());
            }
            return c.orElse(null);
        }
        try {
            return loader.loadClass(ref.className());
        } catch (ClassNotFoundException e) {
            problems.add(at, "class '" + ref.className() + "' not found");
        } catch (LinkageError e) {
            problems.add(at, "class '" + ref.className() + "' cannot be loaded: " + e);
        }
        return null;
    }

    private Object instantiate(Class<?> cls, FunctionMetadata md, Object config, SpecPath at) {
        if (Modifier.isAbstract(cls.getModifiers())) {
            problems.add(at, cls.getName() + " is abstract");
            return null;
        }
        try {
            return loader.instantiate(cls, config);
        } catch (NoSuchMethodException e) {
            problems.add(at, cls.getName() + " needs a public no-argument constructor"
                    + (md.configType() == Void.class ? "" : " or a public constructor taking " + md.configType().getName()));
        } catch (InvocationTargetException e) {
            problems.add(at, "creating " + cls.getName() + " failed: " + ConfigBinder.rootMessage(e.getCause()));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            problems.add(at, "cannot create " + cls.getName() + ": " + e);
        }
        return null;
    }

    private static String builtins() {
        return String.join(", ", BuiltinFunctions.names());
    }

    static String describe(FunctionKind kind) {
        return switch (kind) {
            case STATELESS -> "a stateless function (StatelessFunction)";
            case KEYED -> "a keyed function (KeyedFunction)";
            case WINDOW_AGGREGATE -> "an aggregate function (AggregateFunction)";
            case WINDOW_PROCESS -> "a process-window function (ProcessWindowFunction)";
            case KEY_SELECTOR -> "a key selector (KeySelector)";
            case JOIN -> "a join function (JoinFunction)";
        };
    }
}
