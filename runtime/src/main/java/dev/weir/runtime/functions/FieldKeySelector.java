package dev.weir.runtime.functions;

import dev.weir.api.function.KeySelector;
import dev.weir.api.metadata.Param;
import dev.weir.api.metadata.WeirFunction;

/**
 * Keys each value by one of its fields, read with a {@link FieldAccessor}. A pipeline spec's
 * {@code {"type": "keyBy", "field": "user"}} compiles to this selector. A value without the field fails (the
 * pipeline's error policy decides what happens to it): keys must not be null.
 */
@WeirFunction(name = "field-key", version = "1.0.0", config = FieldKeySelector.Config.class,
        description = "Keys each value by a field: a JSON property, map key, record component, getter or public field")
public final class FieldKeySelector implements KeySelector<Object, Object> {

    /** @param field the field to key by; a dotted path reads a nested field */
    public record Config(@Param(description = "The field to key by; 'a.b' reads field b of field a") String field) {
    }

    private final FieldAccessor accessor;

    public FieldKeySelector(Config config) {
        this.accessor = FieldAccessor.of(config.field());
    }

    public static FieldKeySelector of(String field) {
        return new FieldKeySelector(new Config(field));
    }

    public String field() {
        return accessor.path();
    }

    @Override
    public Object key(Object value) {
        Object key = accessor.get(value);
        if (key == null) {
            throw new IllegalArgumentException("key field '" + accessor.path() + "' is missing or null in " + Values.brief(value));
        }
        return key;
    }

    @Override
    public String toString() {
        return "FieldKeySelector(" + accessor.path() + ")";
    }
}
