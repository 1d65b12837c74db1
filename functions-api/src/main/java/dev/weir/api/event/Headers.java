package dev.weir.api.event;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Immutable event headers: string names mapped to raw bytes (as Kafka record headers). {@link #EMPTY} is shared,
 * so events without headers cost no allocation.
 */
public final class Headers {
    /** The shared empty instance. */
    public static final Headers EMPTY = new Headers(Map.of());

    private final Map<String, byte[]> values;

    private Headers(Map<String, byte[]> values) {
        this.values = values;
    }

    /** Headers from a map; the map and arrays are copied. */
    public static Headers of(Map<String, byte[]> values) {
        if (values.isEmpty()) {
            return EMPTY;
        }
        Map<String, byte[]> copy = new LinkedHashMap<>();
        values.forEach((k, v) -> copy.put(Objects.requireNonNull(k), v.clone()));
        return new Headers(Collections.unmodifiableMap(copy));
    }

    /** A copy with {@code name} set to the UTF-8 bytes of {@code value}. */
    public Headers with(String name, String value) {
        return with(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** A copy with {@code name} set to {@code value}. */
    public Headers with(String name, byte[] value) {
        Map<String, byte[]> copy = new LinkedHashMap<>(values);
        copy.put(Objects.requireNonNull(name), value.clone());
        return new Headers(Collections.unmodifiableMap(copy));
    }

    /** The raw value of a header, or {@code null} if absent. The returned array is a copy. */
    public byte[] get(String name) {
        byte[] v = values.get(name);
        return v == null ? null : v.clone();
    }

    /** The value of a header decoded as UTF-8, or {@code null} if absent. */
    public String getString(String name) {
        byte[] v = values.get(name);
        return v == null ? null : new String(v, StandardCharsets.UTF_8);
    }

    /** Header names in insertion order. */
    public Iterable<String> names() {
        return values.keySet();
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    public int size() {
        return values.size();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Headers other) || other.values.size() != values.size()) {
            return false;
        }
        for (Map.Entry<String, byte[]> e : values.entrySet()) {
            if (!Arrays.equals(e.getValue(), other.values.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 0;
        for (Map.Entry<String, byte[]> e : values.entrySet()) {
            h += e.getKey().hashCode() ^ Arrays.hashCode(e.getValue());
        }
        return h;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Headers{");
        values.forEach((k, v) -> sb.append(k).append('=').append(new String(v, StandardCharsets.UTF_8)).append(','));
        if (!values.isEmpty()) {
            sb.setLength(sb.length() - 1);
        }
        return sb.append('}').toString();
    }
}
