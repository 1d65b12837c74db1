package dev.weir.api.state;

import java.util.List;

/** A list of values for the current key. */
public interface ListState<T> {
    /** A snapshot of the elements in insertion order; empty if none. */
    List<T> get();

    void add(T value);

    void addAll(List<T> values);

    /** Replaces the whole list. */
    void update(List<T> values);

    void clear();
}
