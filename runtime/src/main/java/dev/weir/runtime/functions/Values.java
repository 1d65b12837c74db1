package dev.weir.runtime.functions;

/** Renders values for error messages. */
final class Values {
    private static final int MAX = 120;

    private Values() {
    }

    static String brief(Object value) {
        String s = String.valueOf(value);
        return s.length() <= MAX ? s : s.substring(0, MAX) + "...";
    }
}
