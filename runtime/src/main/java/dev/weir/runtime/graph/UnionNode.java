package dev.weir.runtime.graph;

/** Merges streams of the same type; its watermark is the minimum over its active inputs. */
public record UnionNode(String name) implements Node {
    @Override
    public int inputArity() {
        return -1;
    }
}
