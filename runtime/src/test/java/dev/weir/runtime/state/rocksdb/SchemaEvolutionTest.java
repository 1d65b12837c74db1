package dev.weir.runtime.state.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.util.DefaultInstantiatorStrategy;
import dev.weir.runtime.state.TtlValue;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objenesis.strategy.StdInstantiatorStrategy;

/**
 * State values written by one version of a class and read by the next: each version is compiled at test time into a
 * class loader of its own, so both have the same class name, as after a redeploy.
 */
class SchemaEvolutionTest {
    @TempDir
    Path dir;

    private static final String POJO_V1 = """
            package evo;
            public class Reading {
                String sensor;
                long count;
                public Reading() {}
                public Reading(String sensor, long count) { this.sensor = sensor; this.count = count; }
            }
            """;
    /** Adds a field with an initializer and one without; changes nothing else. */
    private static final String POJO_V2 = """
            package evo;
            import java.util.List;
            public class Reading {
                String sensor;
                long count;
                double average = -1;
                List<String> tags;
                public Reading() {}
            }
            """;
    /** Drops {@code count}, renames {@code sensor} to {@code source}, changes nothing else. */
    private static final String POJO_V3 = """
            package evo;
            public class Reading {
                String source;
                public Reading() {}
            }
            """;
    /** {@code count} becomes a String: the stored long no longer fits. */
    private static final String POJO_TYPE_CHANGED = """
            package evo;
            public class Reading {
                String sensor;
                String count;
                public Reading() {}
            }
            """;
    private static final String RECORD_V1 = """
            package evo;
            import java.util.List;
            public record Total(String key, long sum, List<Reading> readings, Level level) {}
            """;
    /** A component added in the middle, one at the end; the enum gains a constant before the others. */
    private static final String RECORD_V2 = """
            package evo;
            import java.util.List;
            public record Total(String key, int count, long sum, List<Reading> readings, Level level, String note) {}
            """;
    /** Components removed. */
    private static final String RECORD_V3 = """
            package evo;
            public record Total(long sum) {}
            """;
    private static final String LEVEL_V1 = "package evo; public enum Level { LOW, HIGH }";
    private static final String LEVEL_V2 = "package evo; public enum Level { NONE, LOW, HIGH }";

    /** A record holding a record of its own class: the serializer is re-entered while it writes and reads. */
    record Node(String name, Node next, List<Node> children) {
    }

    @Test
    void nestedRecordsOfOneClassRoundTripAndRepeatedValuesStayIndependent() {
        StateSerializer s = new StateSerializer(getClass().getClassLoader());
        Node leaf = new Node("leaf", null, List.of());
        Node tree = new Node("root", new Node("mid", leaf, List.of(leaf, new Node("other", null, List.of()))), List.of());
        for (int i = 0; i < 3; i++) { // buffers reused across values must not leak state from one to the next
            assertThat(s.readValue(bytes(s, tree))).isEqualTo(tree);
            assertThat(s.readValue(bytes(s, leaf))).isEqualTo(leaf);
        }
    }

    @Test
    void aPojoReadsBytesWrittenBeforeFieldsWereAdded() throws Exception {
        ClassLoader v1 = compile("v1", POJO_V1);
        ClassLoader v2 = compile("v2", POJO_V2);
        Object old = v1.loadClass("evo.Reading").getConstructor(String.class, long.class).newInstance("s1", 42L);

        Object read = new StateSerializer(v2).readValue(bytes(new StateSerializer(v1), old));

        assertThat(read.getClass().getClassLoader()).isSameAs(v2);
        assertThat(field(read, "sensor")).isEqualTo("s1");
        assertThat(field(read, "count")).isEqualTo(42L);
        assertThat(field(read, "average")).as("initialized by the no-argument constructor").isEqualTo(-1.0);
        assertThat(field(read, "tags")).isNull();
    }

    @Test
    void aPojoSkipsRemovedFieldsAndARenameIsARemovalPlusAnAddition() throws Exception {
        ClassLoader v1 = compile("v1", POJO_V1);
        ClassLoader v3 = compile("v3", POJO_V3);
        Object old = v1.loadClass("evo.Reading").getConstructor(String.class, long.class).newInstance("s1", 42L);

        Object read = new StateSerializer(v3).readValue(bytes(new StateSerializer(v1), old));

        assertThat(field(read, "source")).isNull();
    }

    @Test
    void aFieldWhoseTypeChangedIsDroppedLikeARemovedOne() throws Exception {
        ClassLoader v1 = compile("v1", POJO_V1);
        ClassLoader changed = compile("changed", POJO_TYPE_CHANGED);
        Object old = v1.loadClass("evo.Reading").getConstructor(String.class, long.class).newInstance("s1", 42L);

        Object read = new StateSerializer(changed).readValue(bytes(new StateSerializer(v1), old));

        assertThat(field(read, "sensor")).isEqualTo("s1");
        assertThat(field(read, "count")).isNull();
    }

    @Test
    void aRecordReadsBytesWrittenBeforeComponentsWereAddedWithPojosAndEnumsInside() throws Exception {
        ClassLoader v1 = compile("v1", POJO_V1, RECORD_V1, LEVEL_V1);
        ClassLoader v2 = compile("v2", POJO_V2, RECORD_V2, LEVEL_V2);
        Object old = total(v1, "k", 7L, "HIGH");
        // nested in a runtime record (TtlValue) and a list, as a keyed function's state with a TTL holds it
        Object stored = new TtlValue<>(new ArrayList<>(List.of(old)), 1234L);

        Object read = new StateSerializer(v2).readValue(bytes(new StateSerializer(v1), stored));

        TtlValue<?> ttl = (TtlValue<?>) read;
        assertThat(ttl.refreshedAtMillis()).isEqualTo(1234L);
        Object total = ((List<?>) ttl.value()).get(0);
        assertThat(total.getClass().getClassLoader()).isSameAs(v2);
        assertThat(component(total, "key")).isEqualTo("k");
        assertThat(component(total, "count")).isEqualTo(0);
        assertThat(component(total, "sum")).isEqualTo(7L);
        assertThat(component(total, "note")).isNull();
        assertThat(component(total, "level").toString()).as("enums by name, not ordinal").isEqualTo("HIGH");
        Object reading = ((List<?>) component(total, "readings")).get(1);
        assertThat(field(reading, "sensor")).isEqualTo("second");
        assertThat(field(reading, "average")).isEqualTo(-1.0);
    }

    @Test
    void aRecordSkipsRemovedComponents() throws Exception {
        ClassLoader v1 = compile("v1", POJO_V1, RECORD_V1, LEVEL_V1);
        ClassLoader v3 = compile("v3", RECORD_V3);

        Object read = new StateSerializer(v3).readValue(bytes(new StateSerializer(v1), total(v1, "k", 7L, "LOW")));

        assertThat(component(read, "sum")).isEqualTo(7L);
    }

    /**
     * Why records have a serializer of their own: Kryo 5.6's RecordSerializer writes component values by position,
     * without names or a count, so an added component shifts every value after it.
     */
    @Test
    void kryosOwnRecordSerializerCannotReadAfterAComponentWasAdded() throws Exception {
        ClassLoader v1 = compile("v1", POJO_V1, RECORD_V1, LEVEL_V1);
        ClassLoader v2 = compile("v2", POJO_V2, RECORD_V2, LEVEL_V2);
        Output out = new Output(256, -1);
        plainKryo(v1).writeClassAndObject(out, total(v1, "k", 7L, "HIGH"));

        Object read = null;
        Throwable failure = catchThrowable(() -> plainKryo(v2).readClassAndObject(new Input(out.toBytes())));
        if (failure == null) {
            read = plainKryo(v2).readClassAndObject(new Input(out.toBytes()));
        }
        assertThat(failure != null || !"k".equals(component(read, "key")) || !Long.valueOf(7).equals(component(read, "sum")))
                .as("Kryo's RecordSerializer misreads the old bytes").isTrue();
    }

    @Test
    void keysAreDeterministic() {
        StateSerializer a = new StateSerializer(getClass().getClassLoader());
        StateSerializer b = new StateSerializer(getClass().getClassLoader());
        String shared = "x";
        record Pair(String left, String right, long n) {
        }

        assertThat(identity(a, new Pair(shared, shared, 1))).isEqualTo(identity(b, new Pair("x", new String("x"), 1)));
        assertThat(identity(a, 5L)).isEqualTo(identity(b, Long.valueOf(5)));
        assertThat(identity(a, 5L)).isNotEqualTo(identity(a, 5));
        assertThat(identity(a, Map.of("k", 1))).isEqualTo(identity(a, Map.of("k", 1)));
        for (Object key : List.of("héllo", -3L, Integer.MIN_VALUE, new Pair("a", null, -1), java.util.List.of(1, 2),
                dev.weir.runtime.state.VoidNamespace.INSTANCE, new dev.weir.api.window.Window(-5, 5))) {
            byte[] bytes = identity(a, key);
            assertThat(b.readIdentity(bytes, 0, bytes.length)).isEqualTo(key);
        }
    }

    @Test
    void numbersAndWindowsSortNumerically() {
        StateSerializer s = new StateSerializer(getClass().getClassLoader());
        assertThat(KeyBytes.compare(identity(s, -1L), identity(s, 0L))).isNegative();
        assertThat(KeyBytes.compare(identity(s, Long.MIN_VALUE), identity(s, -1L))).isNegative();
        assertThat(KeyBytes.compare(identity(s, -7), identity(s, 3))).isNegative();
        assertThat(KeyBytes.compare(identity(s, new dev.weir.api.window.Window(-10, 0)),
                identity(s, new dev.weir.api.window.Window(-5, 0)))).isNegative();
    }

    private static byte[] identity(StateSerializer s, Object o) {
        Output out = new Output(32, -1);
        s.writeIdentity(o, out);
        return out.toBytes();
    }

    private static byte[] bytes(StateSerializer s, Object value) {
        Output out = new Output(64, -1);
        s.writeValue(value, out);
        return out.toBytes();
    }

    private static Kryo plainKryo(ClassLoader loader) {
        Kryo kryo = new Kryo();
        kryo.setRegistrationRequired(false);
        kryo.setInstantiatorStrategy(new DefaultInstantiatorStrategy(new StdInstantiatorStrategy()));
        kryo.setClassLoader(loader);
        return kryo;
    }

    private static Object total(ClassLoader loader, String key, long sum, String level) throws Exception {
        Class<?> reading = loader.loadClass("evo.Reading");
        Constructor<?> newReading = reading.getConstructor(String.class, long.class);
        List<Object> readings = new ArrayList<>(List.of(newReading.newInstance("first", 1L),
                newReading.newInstance("second", 2L)));
        @SuppressWarnings({"unchecked", "rawtypes"})
        Object levelValue = Enum.valueOf((Class) loader.loadClass("evo.Level"), level);
        Class<?> total = loader.loadClass("evo.Total");
        return total.getConstructors()[0].newInstance(key, sum, readings, levelValue);
    }

    private static Object field(Object o, String name) throws Exception {
        Field f = o.getClass().getDeclaredField(name);
        f.setAccessible(true);
        return f.get(o);
    }

    private static Object component(Object record, String name) {
        try {
            Method m = record.getClass().getMethod(name);
            return m.invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** Compiles the sources (package {@code evo}) into {@code dir/name} and loads them in a class loader of their own. */
    private ClassLoader compile(String name, String... sources) throws IOException {
        Path src = dir.resolve(name).resolve("src/evo");
        Path classes = dir.resolve(name).resolve("classes");
        Files.createDirectories(src);
        Files.createDirectories(classes);
        List<String> args = new ArrayList<>(List.of("-d", classes.toString()));
        for (String source : sources) {
            String simple = source.replaceAll("(?s).*public (?:class|record|enum) (\\w+).*", "$1");
            Path file = src.resolve(simple + ".java");
            Files.writeString(file, source);
            args.add(file.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac.run(null, null, null, args.toArray(String[]::new))).as("javac").isZero();
        return new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
    }
}
