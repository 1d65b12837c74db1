package dev.weir.runtime.spec;

/**
 * A location in a spec, rendered as {@code nodes[2] (name 'hourly').window.size}: properties joined by dots, array
 * elements by index, and a node's name after its index where the node has one.
 */
record SpecPath(String text) {
    static final SpecPath ROOT = new SpecPath("");

    SpecPath property(String name) {
        return new SpecPath(text.isEmpty() ? name : text + "." + name);
    }

    SpecPath index(int i) {
        return new SpecPath(text + "[" + i + "]");
    }

    /** An array element that has a name. */
    SpecPath element(int i, String name) {
        return new SpecPath(text + "[" + i + "] (name '" + name + "')");
    }

    /** Whether {@code other} is this path or inside it. */
    boolean contains(String other) {
        if (text.isEmpty() || other.equals(text)) {
            return true;
        }
        return other.startsWith(text) && (other.charAt(text.length()) == '.' || other.charAt(text.length()) == '['
                || other.charAt(text.length()) == ' ');
    }

    @Override
    public String toString() {
        return text;
    }
}
