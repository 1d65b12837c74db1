package dev.weir.runtime.state;

import dev.weir.runtime.graph.StateBackendKind;
import dev.weir.runtime.state.rocksdb.RocksDbOptions;
import dev.weir.runtime.state.rocksdb.RocksDbStateBackendFactory;
import java.nio.file.Path;

/** The {@link StateBackendFactory} a pipeline's {@link StateBackendKind} option asks for. */
public final class StateBackends {
    private StateBackends() {
    }

    /**
     * @param localDirectory where a RocksDB backend keeps its working files (one task run's own directory)
     * @param classLoader    loads the pipeline's user types when state is deserialized
     */
    public static StateBackendFactory create(StateBackendKind kind, Path localDirectory, ClassLoader classLoader) {
        return create(kind, localDirectory, classLoader, StateBackendTuning.DEFAULTS);
    }

    /** @param tuning memory settings of RocksDB */
    public static StateBackendFactory create(StateBackendKind kind, Path localDirectory, ClassLoader classLoader,
                                             StateBackendTuning tuning) {
        return switch (kind) {
            case HEAP -> StateBackendFactory.HEAP;
            case ROCKSDB -> new RocksDbStateBackendFactory(RocksDbOptions.defaults(localDirectory)
                    .withClassLoader(classLoader).withMemory(tuning.blockCacheBytes(), tuning.writeBufferBytes()));
        };
    }
}
