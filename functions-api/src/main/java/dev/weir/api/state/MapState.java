package dev.weir.api.state;

import java.util.Map;

/** A map for the current key. */
public interface MapState<UK, UV> {
    /** The value for {@code key}, or {@code null} if absent or expired. */
    UV get(UK key);

    void put(UK key, UV value);

    void remove(UK key);

    boolean contains(UK key);

    /** A snapshot of the live entries. */
    Map<UK, UV> entries();

    boolean isEmpty();

    void clear();
}
