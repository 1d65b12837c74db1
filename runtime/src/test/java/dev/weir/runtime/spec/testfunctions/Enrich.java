package dev.weir.runtime.spec.testfunctions;

import dev.weir.api.function.Collector;
import dev.weir.api.function.FunctionContext;
import dev.weir.api.function.StatelessFunction;
import dev.weir.api.metadata.Param;
import dev.weir.api.metadata.WeirFunction;
import java.time.Duration;

/** A stateless test function with required, defaulted, enum and duration parameters. */
@WeirFunction(name = "enrich", version = "1.2.0", description = "Multiplies prices", config = Enrich.Config.class)
public class Enrich implements StatelessFunction<Object, Object> {
    public enum Mode { FAST, EXACT }

    public record Config(@Param(description = "price multiplier") double rate,
                         @Param(description = "currency", defaultValue = "\"EUR\"") String currency,
                         @Param(defaultValue = "PT1S") Duration delay,
                         @Param(defaultValue = "3") int retries,
                         @Param(defaultValue = "\"FAST\"") Mode mode) {
        public Config {
            if (rate < 0) {
                throw new IllegalArgumentException("rate must not be negative, was " + rate);
            }
        }
    }

    @Override
    public void process(Object input, FunctionContext ctx, Collector<Object> out) {
        out.emit(input);
    }
}
