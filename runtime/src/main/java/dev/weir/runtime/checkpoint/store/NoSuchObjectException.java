package dev.weir.runtime.checkpoint.store;

import java.io.IOException;

/** Thrown by {@link ObjectStore} reads when no object is stored under the key. */
public class NoSuchObjectException extends IOException {
    private final String key;

    public NoSuchObjectException(String key, String where) {
        super("no object " + where);
        this.key = key;
    }

    /** The key as given to the {@link ObjectStore}. */
    public String key() {
        return key;
    }
}
