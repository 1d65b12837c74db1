package dev.weir.runtime.oracle;

/** jqwik tries per property, tuned so the whole oracle suite stays under a minute on two cores. */
final class Tries {
    static final int DEFAULT = 500;
    static final int FEW = 200;

    private Tries() {
    }
}
