package dev.weir.runtime.window;

/** Per (key, window) bookkeeping of the triggered window operator: how many panes were emitted, and whether the on-time one was. */
final class WindowMeta {
    int emitted;
    boolean onTimeEmitted;
}
