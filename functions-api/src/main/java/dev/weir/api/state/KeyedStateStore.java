package dev.weir.api.state;

/** Gives access to the keyed state of the current key, by descriptor. */
public interface KeyedStateStore {
    <T> ValueState<T> value(ValueStateDescriptor<T> descriptor);

    <T> ListState<T> list(ListStateDescriptor<T> descriptor);

    <UK, UV> MapState<UK, UV> map(MapStateDescriptor<UK, UV> descriptor);
}
