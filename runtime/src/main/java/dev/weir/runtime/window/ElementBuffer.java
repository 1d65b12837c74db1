package dev.weir.runtime.window;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;

/**
 * The elements of one window (or pane) for a process-window function, each tagged with its arrival sequence
 * number, so that merged windows (sessions bridged by a late element) still hand over their elements in arrival
 * order.
 */
final class ElementBuffer<T> {
    private long[] sequence = new long[4];
    private Object[] elements = new Object[4];
    private int size;

    void add(long arrival, T element) {
        if (size == elements.length) {
            sequence = Arrays.copyOf(sequence, size * 2);
            elements = Arrays.copyOf(elements, size * 2);
        }
        sequence[size] = arrival;
        elements[size++] = element;
    }

    /** Merges {@code other} into this buffer, keeping arrival order. Does not change {@code other}. */
    void mergeFrom(ElementBuffer<T> other) {
        long[] seq = new long[size + other.size];
        Object[] els = new Object[size + other.size];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < size || j < other.size) {
            if (j >= other.size || (i < size && sequence[i] <= other.sequence[j])) {
                seq[k] = sequence[i];
                els[k++] = elements[i++];
            } else {
                seq[k] = other.sequence[j];
                els[k++] = other.elements[j++];
            }
        }
        sequence = seq;
        elements = els;
        size = k;
    }

    /** A read-only view of the elements in arrival order. */
    List<T> view() {
        return new AbstractList<>() {
            @Override
            @SuppressWarnings("unchecked")
            public T get(int index) {
                if (index < 0 || index >= size) {
                    throw new IndexOutOfBoundsException(index);
                }
                return (T) elements[index];
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    int size() {
        return size;
    }
}
