package dev.weir.runtime.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class StateCodecTest {
    private final StateCodec codec = new StateCodec();

    private <T> T roundTrip(T value) {
        @SuppressWarnings("unchecked")
        T decoded = (T) codec.decode(codec.encode(value));
        return decoded;
    }

    private record Point(int x, long y) {
    }

    private record Tagged(String name, Point point, List<Integer> values) {
    }

    private enum Color { RED, GREEN }

    /** No no-argument constructor, final fields, a nullable field. */
    private static final class Holder {
        private final String name;
        private final Object nullable;
        private int counter;

        Holder(String name, Object nullable) {
            this.name = name;
            this.nullable = nullable;
        }
    }

    @Test
    void privateNestedRecordsRoundTrip() {
        Tagged t = new Tagged("a", new Point(1, 2L), List.of(1, 2, 3));
        assertThat(roundTrip(t)).isEqualTo(t);
    }

    @Test
    void boxedKeysKeepTheirExactType() {
        Map<Object, String> m = new HashMap<>();
        m.put(1L, "long");
        m.put(1, "int");
        Map<Object, String> back = roundTrip(m);
        assertThat(back).containsEntry(1L, "long").containsEntry(1, "int").hasSize(2);
        assertThat(back.keySet()).hasAtLeastOneElementOfType(Long.class).hasAtLeastOneElementOfType(Integer.class);
    }

    @Test
    void treeMapOfListsKeepsOrderAndContents() {
        TreeMap<Long, List<Point>> m = new TreeMap<>();
        m.computeIfAbsent(30L, k -> new ArrayList<>()).add(new Point(3, 30));
        m.computeIfAbsent(-5L, k -> new ArrayList<>()).add(new Point(0, -5));
        m.get(30L).add(new Point(4, 30));
        TreeMap<Long, List<Point>> back = roundTrip(m);
        assertThat(back).isEqualTo(m);
        assertThat(back.firstKey()).isEqualTo(-5L);
        back.get(-5L).add(new Point(9, 9));
        assertThat(back.get(-5L)).hasSize(2);
    }

    @Test
    void hashMapWithRecordKeysFindsItsKeysAfterDecoding() {
        Map<Point, String> m = new HashMap<>();
        for (int i = 0; i < 100; i++) {
            m.put(new Point(i, -i), "v" + i);
        }
        Map<Point, String> back = roundTrip(m);
        assertThat(back).isEqualTo(m);
        assertThat(back.get(new Point(42, -42))).isEqualTo("v42");
    }

    @Test
    void primitiveArraysRoundTrip() {
        long[] longs = {1, Long.MIN_VALUE, Long.MAX_VALUE};
        int[] ints = {7, -7};
        assertThat(roundTrip(longs)).containsExactly(longs);
        assertThat(roundTrip(ints)).containsExactly(ints);
    }

    @Test
    void immutableCollectionsRoundTripWithoutAddOpens() {
        List<String> list = List.of("a", "b");
        Map<String, Integer> map = Map.of("a", 1, "b", 2);
        Set<Long> set = Set.of(1L, 2L);
        assertThat(roundTrip(list)).isEqualTo(list);
        assertThat(roundTrip(map)).isEqualTo(map);
        assertThat(roundTrip(set)).isEqualTo(set);
        assertThat(roundTrip(List.of())).isEmpty();
    }

    @Test
    void enumsKeepTheirIdentity() {
        assertThat(roundTrip(Color.GREEN)).isSameAs(Color.GREEN);
        assertThat(roundTrip(List.of(Color.RED, Color.GREEN))).containsExactly(Color.RED, Color.GREEN);
    }

    @Test
    void classesWithoutNoArgConstructorAndNullFieldsRoundTrip() {
        Holder h = new Holder("h", null);
        h.counter = 5;
        Holder back = roundTrip(h);
        assertThat(back.name).isEqualTo("h");
        assertThat(back.nullable).isNull();
        assertThat(back.counter).isEqualTo(5);
        assertThat(roundTrip((Object) null)).isNull();
        assertThat(roundTrip(new Tagged(null, null, null))).isEqualTo(new Tagged(null, null, null));
    }

    @Test
    void linkedHashSetAndLinkedHashMapKeepInsertionOrder() {
        LinkedHashSet<String> set = new LinkedHashSet<>(List.of("z", "a", "m", "b"));
        LinkedHashMap<String, Integer> map = new LinkedHashMap<>();
        map.put("z", 1);
        map.put("a", 2);
        map.put("m", 3);
        assertThat(roundTrip(set)).containsExactly("z", "a", "m", "b");
        assertThat(roundTrip(map).keySet()).containsExactly("z", "a", "m");
    }

    @Test
    void sharedReferencesStayShared() {
        long[] acc = {3};
        List<long[]> both = new ArrayList<>(List.of(acc, acc));
        List<long[]> back = roundTrip(both);
        assertThat(back.get(0)).isSameAs(back.get(1));
    }

    @Test
    void optionalsAndBoxedValuesRoundTrip() {
        assertThat(roundTrip(Optional.of(3L))).contains(3L);
        assertThat(roundTrip(Optional.empty())).isEmpty();
        assertThat(roundTrip(new Object[] {1, 2L, "x", 1.5})).containsExactly(1, 2L, "x", 1.5);
    }

    @Test
    void oneCodecEncodesAndDecodesManyTimes() {
        for (int i = 0; i < 3; i++) {
            Tagged t = new Tagged("n" + i, new Point(i, i), List.of(i));
            assertThat(roundTrip(t)).isEqualTo(t);
        }
    }

    @Test
    void garbageDoesNotDecode() {
        assertThatThrownBy(() -> codec.decode(new byte[] {1, 2, 3, 4, 5}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot decode state");
    }

    @Test
    void classesAreResolvedThroughTheGivenClassLoader() throws Exception {
        java.net.URL classes = Point.class.getProtectionDomain().getCodeSource().getLocation();
        try (java.net.URLClassLoader functions = new java.net.URLClassLoader(new java.net.URL[] {classes},
                ClassLoader.getPlatformClassLoader())) {
            Class<?> isolated = functions.loadClass(Point.class.getName());
            java.lang.reflect.Constructor<?> c = isolated.getDeclaredConstructor(int.class, long.class);
            c.setAccessible(true);
            byte[] bytes = codec.encode(c.newInstance(1, 2L));

            assertThat(new StateCodec(functions).decode(bytes).getClass()).isSameAs(isolated);
            assertThat(new StateCodec(getClass().getClassLoader()).decode(bytes)).isEqualTo(new Point(1, 2));
        }
    }
}
