package dev.weir.runtime.oracle;

import dev.weir.api.window.Window;
import java.util.Comparator;

/** A key and one of its windows: the unit whose sequence of emissions is compared. */
record KeyedWindow(int key, Window window) implements Comparable<KeyedWindow> {
    private static final Comparator<KeyedWindow> ORDER =
            Comparator.comparingInt(KeyedWindow::key).thenComparing(KeyedWindow::window);

    @Override
    public int compareTo(KeyedWindow o) {
        return ORDER.compare(this, o);
    }

    /** {@code [start,end)} in plain milliseconds, shorter than {@link Window#toString()}'s instants. */
    static String format(Window w) {
        return "[" + w.startMillis() + "," + w.endMillis() + ")";
    }

    @Override
    public String toString() {
        return "k" + key + format(window);
    }
}
