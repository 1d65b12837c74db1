package dev.weir.runtime.spec;

import dev.weir.runtime.functions.FieldAccessor;
import dev.weir.runtime.watermark.WatermarkStrategy;
import java.time.Duration;
import java.util.Optional;

/** Compiles a source's {@code watermarks} into a {@link WatermarkStrategy}, reporting every problem. */
final class WatermarkCompiler {
    private final Problems problems;

    WatermarkCompiler(Problems problems) {
        this.problems = problems;
    }

    /**
     * @param spec                  the settings; null for the defaults
     * @param valueType             the source's value type, to check {@code timestampField} against
     * @param needsTimestampField   why the source needs a {@code timestampField}, or null if it does not
     * @return the strategy, or null if invalid
     */
    WatermarkStrategy<Object> compile(WatermarksSpec spec, SpecPath path, Class<?> valueType, String needsTimestampField) {
        WatermarksSpec s = spec != null ? spec : new WatermarksSpec(null, null, null, null, null);
        int before = problems.count();
        Duration bound = s.maxOutOfOrderness() == null ? Duration.ZERO : s.maxOutOfOrderness();
        Durations.notNegative(bound, path.property("maxOutOfOrderness"), problems);
        WatermarkStrategy<Object> strategy = WatermarkStrategy.boundedOutOfOrderness(bound.isNegative() ? Duration.ZERO : bound);
        if (s.timestampField() != null) {
            strategy = withTimestampField(strategy, s.timestampField(), valueType, path.property("timestampField"));
        } else if (needsTimestampField != null) {
            problems.add(path.property("timestampField"), "required: " + needsTimestampField);
        }
        if (s.idleTimeout() != null && Durations.positive(s.idleTimeout(), path.property("idleTimeout"), problems)) {
            strategy = strategy.withIdleness(s.idleTimeout());
        }
        if (s.emission() == WatermarksSpec.Emission.PER_EVENT) {
            if (s.interval() != null) {
                problems.add(path.property("interval"), "only applies to 'periodic' emission");
            }
            strategy = strategy.withPerEventEmission();
        } else if (s.interval() != null && Durations.positive(s.interval(), path.property("interval"), problems)) {
            strategy = strategy.withPeriodicEmission(s.interval());
        }
        return problems.count() == before ? strategy : null;
    }

    private WatermarkStrategy<Object> withTimestampField(WatermarkStrategy<Object> strategy, String field, Class<?> valueType,
                                                         SpecPath path) {
        FieldAccessor accessor;
        try {
            accessor = FieldAccessor.of(field);
        } catch (IllegalArgumentException e) {
            problems.add(path, e.getMessage());
            return strategy;
        }
        Optional<String> wrong = accessor.check(valueType);
        wrong.ifPresent(m -> problems.add(path, m));
        return strategy.withTimestampAssigner(new FieldTimestamps(accessor));
    }
}
