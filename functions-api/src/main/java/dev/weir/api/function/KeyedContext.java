package dev.weir.api.function;

import dev.weir.api.state.KeyedStateStore;
import dev.weir.api.time.TimerService;

/**
 * The context of a {@link KeyedFunction}: everything in {@link FunctionContext}, plus the current key, the
 * keyed state of that key and timers scoped to that key.
 *
 * @param <K> key type
 */
public interface KeyedContext<K> extends FunctionContext {

    /** The key of the input (or timer) being processed. */
    K currentKey();

    /** State scoped to {@link #currentKey()}. */
    KeyedStateStore state();

    /** Timers scoped to {@link #currentKey()}. */
    TimerService timers();
}
