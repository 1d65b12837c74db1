package dev.weir.runtime.sink;

import dev.weir.api.event.Event;
import dev.weir.api.event.Headers;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Keeps every result in memory, in arrival order: for tests and small demos. */
public final class CollectSink<T> implements Sink<T> {
    private final List<Event<Void, T>> events = Collections.synchronizedList(new ArrayList<>());

    @Override
    public SinkWriter<T> createWriter() {
        return (value, ts, headers) -> events.add(new Event<>(null, value, ts, headers == null ? Headers.EMPTY : headers));
    }

    /** Results with their timestamps. */
    public List<Event<Void, T>> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    /** Result values. */
    public List<T> values() {
        synchronized (events) {
            return events.stream().map(Event::value).toList();
        }
    }
}
