package dev.weir.runtime.state;

/** The namespace of state that is not scoped to anything but its key (a keyed function's own state). */
public enum VoidNamespace {
    INSTANCE
}
