package dev.weir.runtime.task;

import dev.weir.runtime.checkpoint.store.SavepointStorage;
import dev.weir.runtime.state.SavepointFormat;
import java.util.Objects;

/**
 * A request to stop a task with a savepoint.
 *
 * @param path   the savepoint's path in the savepoint store ({@link SavepointStorage#checkPath})
 * @param format how keyed state is stored ({@link SavepointFormat#NATIVE} by default: bounded memory for RocksDB state)
 */
public record SavepointRequest(String path, SavepointFormat format) {
    public SavepointRequest {
        SavepointStorage.checkPath(path);
        Objects.requireNonNull(format, "format");
    }
}
