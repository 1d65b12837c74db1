package dev.weir.runtime.checkpoint;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a task's checkpoint holds: the state of every stateful operator and every source, keyed by node name, as the
 * {@link Checkpointed} pieces returned it. Encoded as a whole with {@link StateCodec}; the engine writes and reads
 * it ({@code LocalEngine}), the distributed runtime stores the bytes.
 *
 * @param formatVersion {@link #FORMAT_VERSION} of the engine that wrote it
 * @param operators     operator name -> that operator's state (operators that keep nothing are absent)
 * @param sources       source name -> the source's state (reader positions, watermark generators, idleness)
 */
public record EngineSnapshot(int formatVersion, Map<String, Object> operators, Map<String, Object> sources) {
    /** The layout this engine writes and reads (2: source partitions filed under their ids). */
    public static final int FORMAT_VERSION = 2;

    public EngineSnapshot {
        operators = new LinkedHashMap<>(Objects.requireNonNull(operators, "operators"));
        sources = new LinkedHashMap<>(Objects.requireNonNull(sources, "sources"));
    }

    public byte[] encode(StateCodec codec) {
        return codec.encode(this);
    }

    /**
     * Decodes and checks the version.
     *
     * @throws IllegalArgumentException if the bytes are not an engine snapshot of this format version
     */
    public static EngineSnapshot decode(StateCodec codec, byte[] bytes) {
        Object decoded = codec.decode(bytes);
        if (!(decoded instanceof EngineSnapshot snapshot)) {
            throw new IllegalArgumentException("not an engine snapshot: the bytes hold "
                    + (decoded == null ? "null" : decoded.getClass().getName()));
        }
        if (snapshot.formatVersion() != FORMAT_VERSION) {
            throw new IllegalArgumentException("engine snapshot format " + snapshot.formatVersion()
                    + " is not supported (this engine reads format " + FORMAT_VERSION + ")");
        }
        return snapshot;
    }
}
