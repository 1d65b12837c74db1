package dev.weir.runtime.state;

import dev.weir.api.state.KeyedStateStore;
import dev.weir.api.state.ListState;
import dev.weir.api.state.ListStateDescriptor;
import dev.weir.api.state.MapState;
import dev.weir.api.state.MapStateDescriptor;
import dev.weir.api.state.StateDescriptor;
import dev.weir.api.state.StateTtl;
import dev.weir.api.state.ValueState;
import dev.weir.api.state.ValueStateDescriptor;
import dev.weir.runtime.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link KeyedStateStore} a keyed function sees, on top of a {@link KeyedStateBackend}: value, list and map
 * state of the backend's current key, with TTL enforced lazily on access (an expired entry is never returned and
 * is removed when touched). State handles are created once per descriptor and reused.
 */
public final class UserStateStore implements KeyedStateStore {
    private final KeyedStateBackend<?> backend;
    private final Clock processingTime;
    private final Map<String, Object> handles = new HashMap<>();
    private final Map<String, StateDescriptor> descriptors = new HashMap<>();

    public UserStateStore(KeyedStateBackend<?> backend, Clock processingTime) {
        this.backend = backend;
        this.processingTime = processingTime;
    }

    /** Checks that a state name is always declared with the same descriptor (kind, types, TTL). */
    private void register(StateDescriptor d) {
        StateDescriptor previous = descriptors.putIfAbsent(d.name(), d);
        if (previous != null && previous != d && !previous.equals(d)) {
            throw new IllegalArgumentException("state '" + d.name() + "' is declared twice with different descriptors: "
                    + previous + " and " + d);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> ValueState<T> value(ValueStateDescriptor<T> d) {
        register(d);
        return (ValueState<T>) handles.computeIfAbsent(d.name(), n -> {
            return new Value<T>(backend.valueState("user:" + n, d.type()), d.ttl().orElse(null));
        });
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> ListState<T> list(ListStateDescriptor<T> d) {
        register(d);
        return (ListState<T>) handles.computeIfAbsent(d.name(), n -> {
            return new ListValue<T>(new Value<>(backend.valueState("user:" + n, List.class), d.ttl().orElse(null)));
        });
    }

    @Override
    @SuppressWarnings("unchecked")
    public <UK, UV> MapState<UK, UV> map(MapStateDescriptor<UK, UV> d) {
        register(d);
        return (MapState<UK, UV>) handles.computeIfAbsent(d.name(), n -> {
            return new MapValue<UK, UV>(backend.valueState("user:" + n, Map.class), d.ttl().orElse(null));
        });
    }

    /** A value with optional TTL. */
    private final class Value<T> implements ValueState<T> {
        private final NamespacedValueState<VoidNamespace, Object> state;
        private final StateTtl ttl;

        Value(NamespacedValueState<VoidNamespace, Object> state, StateTtl ttl) {
            this.state = state;
            this.ttl = ttl;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T value() {
            Object raw = state.get(VoidNamespace.INSTANCE);
            if (ttl == null || raw == null) {
                return (T) raw;
            }
            TtlValue<T> tv = (TtlValue<T>) raw;
            long now = processingTime.millis();
            if (tv.expired(now, ttl.timeToLive().toMillis())) {
                state.remove(VoidNamespace.INSTANCE);
                return null;
            }
            if (ttl.refresh() == StateTtl.Refresh.ON_READ_AND_WRITE) {
                state.put(VoidNamespace.INSTANCE, new TtlValue<>(tv.value(), now));
            }
            return tv.value();
        }

        @Override
        public void update(T value) {
            if (value == null) {
                clear();
            } else {
                state.put(VoidNamespace.INSTANCE, ttl == null ? value : new TtlValue<>(value, processingTime.millis()));
            }
        }

        @Override
        public void clear() {
            state.remove(VoidNamespace.INSTANCE);
        }
    }

    /** A list stored as one value (whole-list TTL). */
    private static final class ListValue<T> implements ListState<T> {
        private final Value<List<T>> value;

        ListValue(Value<List<T>> value) {
            this.value = value;
        }

        @Override
        public List<T> get() {
            List<T> l = value.value();
            return l == null ? List.of() : List.copyOf(l);
        }

        /**
         * Appends in place (the stored list is always an {@code ArrayList} this class made, never handed out:
         * {@link #get} returns a copy), so building a list of n elements costs O(n), not O(n²) as copying on every
         * add did (15% of Nexmark q4's time). Written back for backends that serialize.
         */
        @Override
        public void add(T element) {
            List<T> next = mutable(value.value());
            next.add(element);
            value.update(next);
        }

        @Override
        public void addAll(List<T> elements) {
            List<T> next = mutable(value.value());
            next.addAll(elements);
            value.update(next);
        }

        private static <T> List<T> mutable(List<T> stored) {
            if (stored == null) {
                return new ArrayList<>();
            }
            return stored instanceof ArrayList<T> a ? a : new ArrayList<>(stored);
        }

        @Override
        public void update(List<T> elements) {
            value.update(elements.isEmpty() ? null : new ArrayList<>(elements));
        }

        @Override
        public void clear() {
            value.clear();
        }
    }

    /** A map whose entries expire individually. */
    private final class MapValue<UK, UV> implements MapState<UK, UV> {
        private final NamespacedValueState<VoidNamespace, Map<UK, Object>> state;
        private final StateTtl ttl;

        MapValue(NamespacedValueState<VoidNamespace, Map<UK, Object>> state, StateTtl ttl) {
            this.state = state;
            this.ttl = ttl;
        }

        private Map<UK, Object> live() {
            Map<UK, Object> m = state.get(VoidNamespace.INSTANCE);
            if (m == null || ttl == null) {
                return m;
            }
            long now = processingTime.millis();
            long ttlMillis = ttl.timeToLive().toMillis();
            if (m.values().removeIf(v -> ((TtlValue<?>) v).expired(now, ttlMillis))) {
                write(m);
            }
            return m.isEmpty() ? null : m;
        }

        private void write(Map<UK, Object> m) {
            if (m.isEmpty()) {
                state.remove(VoidNamespace.INSTANCE);
            } else {
                state.put(VoidNamespace.INSTANCE, m);
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public UV get(UK key) {
            Map<UK, Object> m = live();
            if (m == null) {
                return null;
            }
            Object raw = m.get(key);
            if (raw == null || ttl == null) {
                return (UV) raw;
            }
            TtlValue<UV> tv = (TtlValue<UV>) raw;
            if (ttl.refresh() == StateTtl.Refresh.ON_READ_AND_WRITE) {
                m.put(key, new TtlValue<>(tv.value(), processingTime.millis()));
                write(m);
            }
            return tv.value();
        }

        @Override
        public void put(UK key, UV v) {
            Map<UK, Object> m = live();
            Map<UK, Object> next = m == null ? new LinkedHashMap<>() : m;
            next.put(key, ttl == null ? v : new TtlValue<>(v, processingTime.millis()));
            write(next);
        }

        @Override
        public void remove(UK key) {
            Map<UK, Object> m = live();
            if (m != null && m.remove(key) != null) {
                write(m);
            }
        }

        @Override
        public boolean contains(UK key) {
            return get(key) != null;
        }

        @Override
        @SuppressWarnings("unchecked")
        public Map<UK, UV> entries() {
            Map<UK, Object> m = live();
            if (m == null) {
                return Map.of();
            }
            Map<UK, UV> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(k, ttl == null ? (UV) v : ((TtlValue<UV>) v).value()));
            if (ttl != null && ttl.refresh() == StateTtl.Refresh.ON_READ_AND_WRITE) {
                long now = processingTime.millis();
                m.replaceAll((k, v) -> new TtlValue<>(((TtlValue<?>) v).value(), now));
                write(m);
            }
            return out;
        }

        @Override
        public boolean isEmpty() {
            return live() == null;
        }

        @Override
        public void clear() {
            state.remove(VoidNamespace.INSTANCE);
        }
    }
}
