package dev.weir.runtime.spec;

import dev.weir.api.metadata.FunctionMetadata;
import dev.weir.runtime.functions.BuiltinFunctions;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Loads function classes by name through a class loader: the runtime's own, or one over function jars
 * ({@code weir run --jar fn.jar}). Names without a dot may also name a built-in function.
 *
 * <p>A function is instantiated through a public constructor taking its config record, if it has one, so a
 * function that needs its configuration up front (an aggregate has no context) gets it; otherwise through its
 * public no-argument constructor. Close the loader to close the jars it opened.
 */
public final class FunctionLoader implements AutoCloseable {
    private final ClassLoader classLoader;
    private final URLClassLoader owned;

    private FunctionLoader(ClassLoader classLoader, URLClassLoader owned) {
        this.classLoader = classLoader;
        this.owned = owned;
    }

    /** Loads through {@code classLoader}. */
    public static FunctionLoader of(ClassLoader classLoader) {
        return new FunctionLoader(classLoader, null);
    }

    /** Loads through the class loader of the runtime (built-ins and classes on the class path). */
    public static FunctionLoader system() {
        return of(FunctionLoader.class.getClassLoader());
    }

    /**
     * Loads from {@code jars}, parent first: classes of the runtime and the function API always come from the
     * runtime, everything else from the jars.
     *
     * @throws NoSuchFileException if a jar does not exist
     */
    public static FunctionLoader withJars(List<Path> jars) throws IOException {
        if (jars.isEmpty()) {
            return system();
        }
        URL[] urls = new URL[jars.size()];
        for (int i = 0; i < urls.length; i++) {
            Path jar = jars.get(i).toAbsolutePath();
            if (!Files.isRegularFile(jar)) {
                throw new NoSuchFileException(jar.toString(), null, "function jar not found");
            }
            urls[i] = jar.toUri().toURL();
        }
        URLClassLoader cl = new URLClassLoader("weir-functions", urls, FunctionLoader.class.getClassLoader());
        return new FunctionLoader(cl, cl);
    }

    public ClassLoader classLoader() {
        return classLoader;
    }

    /** Loads a class by its binary name, without initializing it. */
    public Class<?> loadClass(String className) throws ClassNotFoundException {
        return Class.forName(className, false, classLoader);
    }

    /** The class a built-in name (no dot) or class name stands for. */
    public Class<?> resolve(String builtinOrClassName) throws ClassNotFoundException {
        if (!builtinOrClassName.contains(".")) {
            Optional<Class<?>> builtin = BuiltinFunctions.find(builtinOrClassName);
            if (builtin.isPresent()) {
                return builtin.get();
            }
        }
        return loadClass(builtinOrClassName);
    }

    /**
     * The metadata of a function class or built-in.
     *
     * @throws IllegalArgumentException if the class is not a valid Weir function
     */
    public FunctionMetadata describe(String builtinOrClassName) throws ClassNotFoundException {
        return FunctionMetadata.of(resolve(builtinOrClassName));
    }

    /**
     * Creates an instance: through {@code new F(config)} if {@code config} is not null and such a public constructor
     * exists, else through {@code new F()}.
     *
     * @throws NoSuchMethodException     if neither constructor exists
     * @throws InvocationTargetException if the constructor threw
     */
    public Object instantiate(Class<?> functionClass, Object config) throws ReflectiveOperationException {
        if (config != null) {
            try {
                return construct(functionClass.getConstructor(config.getClass()), config);
            } catch (NoSuchMethodException e) {
                // fall back to the no-argument constructor
            }
        }
        return construct(functionClass.getConstructor());
    }

    private static Object construct(Constructor<?> c, Object... args) throws ReflectiveOperationException {
        c.trySetAccessible();
        return c.newInstance(args);
    }

    @Override
    public void close() throws IOException {
        if (owned != null) {
            owned.close();
        }
    }
}
