package dev.weir.runtime.oracle;

/**
 * One input element of a script.
 *
 * @param key   the grouping key (a small set, so keys collide)
 * @param id    unique within a script, in script order, so outputs can name the elements they contain
 * @param value summed by {@link CountSumAggregate}
 * @param ts    the element's event timestamp, milliseconds
 */
public record Ev(int key, int id, int value, long ts) {
    @Override
    public String toString() {
        return "k" + key + "#" + id + "(v" + value + "@" + ts + ")";
    }
}
