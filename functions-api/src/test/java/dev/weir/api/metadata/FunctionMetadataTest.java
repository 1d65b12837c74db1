package dev.weir.api.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.api.function.Collector;
import dev.weir.api.function.FunctionContext;
import dev.weir.api.function.StatelessFunction;
import dev.weir.api.window.AggregateFunction;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FunctionMetadataTest {

    @WeirFunction(name = "currency-convert", version = "1.2.0", description = "Converts prices",
            config = Convert.Config.class)
    static final class Convert implements StatelessFunction<Double, Double> {
        record Config(@Param(description = "rate", defaultValue = "0.9") double rate,
                      @Param(description = "window") Duration window) {
        }

        @Override
        public void process(Double in, FunctionContext ctx, Collector<Double> out) {
            out.emit(in * ctx.config(Config.class).rate());
        }
    }

    @WeirFunction(name = "count", version = "1.0.0")
    static final class Count implements AggregateFunction<String, long[], Long> {
        public long[] createAccumulator() { return new long[1]; }
        public long[] add(String v, long[] a) { a[0]++; return a; }
        public long[] merge(long[] a, long[] b) { a[0] += b[0]; return a; }
        public Long result(long[] a) { return a[0]; }
    }

    static final class NotAnnotated implements StatelessFunction<String, String> {
        public void process(String in, FunctionContext ctx, Collector<String> out) { }
    }

    @WeirFunction(name = "Bad Name", version = "1")
    static final class BadName implements StatelessFunction<String, String> {
        public void process(String in, FunctionContext ctx, Collector<String> out) { }
    }

    @Test
    void readsNameVersionKindTypesAndParametersWithoutRunningTheFunction() {
        FunctionMetadata m = FunctionMetadata.of(Convert.class);
        assertThat(m.name()).isEqualTo("currency-convert");
        assertThat(m.version()).isEqualTo("1.2.0");
        assertThat(m.kind()).isEqualTo(FunctionKind.STATELESS);
        assertThat(m.inputType()).isEqualTo("java.lang.Double");
        assertThat(m.outputType()).isEqualTo("java.lang.Double");
        assertThat(m.parameters()).containsExactly(
                new ParameterMetadata("rate", "number", double.class, "rate", Optional.of("0.9")),
                new ParameterMetadata("window", "duration", Duration.class, "window", Optional.empty()));
        assertThat(m.parameters().get(1).required()).isTrue();
    }

    @Test
    void aggregateFunctionTypesAreInputAndResult() {
        FunctionMetadata m = FunctionMetadata.of(Count.class);
        assertThat(m.kind()).isEqualTo(FunctionKind.WINDOW_AGGREGATE);
        assertThat(m.inputType()).isEqualTo("java.lang.String");
        assertThat(m.outputType()).isEqualTo("java.lang.Long");
    }

    @Test
    void invalidFunctionsAreRejectedWithAReason() {
        assertThatThrownBy(() -> FunctionMetadata.of(NotAnnotated.class)).hasMessageContaining("not annotated with @WeirFunction");
        assertThatThrownBy(() -> FunctionMetadata.of(BadName.class)).hasMessageContaining("function name 'Bad Name'");
    }
}
