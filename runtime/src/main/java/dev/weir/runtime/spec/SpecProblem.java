package dev.weir.runtime.spec;

import java.util.Objects;

/**
 * One thing wrong with a spec.
 *
 * @param path    where, e.g. {@code nodes[2] (name 'hourly').window.size} or {@code edges[1].to}; empty for the
 *                spec as a whole
 * @param message what is wrong, e.g. {@code 'PT0S' must be a positive duration}
 */
public record SpecProblem(String path, String message) {
    public SpecProblem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    /** {@code path: message}, or just the message for the spec as a whole. */
    @Override
    public String toString() {
        return path.isEmpty() ? message : path + ": " + message;
    }
}
