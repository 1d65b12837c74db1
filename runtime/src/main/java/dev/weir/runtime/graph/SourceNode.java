package dev.weir.runtime.graph;

import dev.weir.runtime.source.Source;
import dev.weir.runtime.watermark.WatermarkStrategy;

/** Reads a source; each partition has its own watermark generator. */
public record SourceNode<T>(String name, Source<T> source, WatermarkStrategy<T> watermarks) implements Node {
    @Override
    public int inputArity() {
        return 0;
    }
}
