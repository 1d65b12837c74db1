package dev.weir.runtime.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.weir.api.metadata.FunctionKind;
import dev.weir.api.metadata.FunctionMetadata;
import dev.weir.runtime.functions.BuiltinFunctions;
import dev.weir.runtime.functions.Count;
import dev.weir.runtime.functions.FieldAccessor;
import dev.weir.runtime.functions.FieldKeySelector;
import dev.weir.runtime.functions.Sum;
import dev.weir.runtime.spec.connector.Bid;
import dev.weir.runtime.spec.connector.Click;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The built-in functions and the field accessor behind them. */
class BuiltinFunctionsTest {

    public static final class Bean {
        public final String open = "field";

        public String getName() {
            return "getter";
        }

        public boolean isActive() {
            return true;
        }
    }

    private static JsonNode json(String text) throws Exception {
        return SpecJson.mapper().readTree(Specs.json(text));
    }

    @Test
    void everyBuiltinHasValidMetadata() {
        assertThat(BuiltinFunctions.names()).containsExactly("count", "sum", "field-key");
        assertThat(FunctionMetadata.of(Count.class).kind()).isEqualTo(FunctionKind.WINDOW_AGGREGATE);
        assertThat(FunctionMetadata.of(Sum.class).parameters()).singleElement()
                .satisfies(p -> assertThat(p.name()).isEqualTo("field"));
        assertThat(FunctionMetadata.of(FieldKeySelector.class).kind()).isEqualTo(FunctionKind.KEY_SELECTOR);
    }

    @Test
    void fieldAccessorReadsJsonMapsRecordsBeansAndNestedFields() throws Exception {
        JsonNode bid = json("{'auction': 1001, 'price': 2.5, 'bidder': {'name': 'ann'}, 'ok': true, 'none': null}");
        assertThat(FieldAccessor.of("auction").get(bid)).isEqualTo(1001L);
        assertThat(FieldAccessor.of("price").get(bid)).isEqualTo(2.5);
        assertThat(FieldAccessor.of("bidder.name").get(bid)).isEqualTo("ann");
        assertThat(FieldAccessor.of("ok").get(bid)).isEqualTo(true);
        assertThat(FieldAccessor.of("none").get(bid)).isNull();
        assertThat(FieldAccessor.of("missing").get(bid)).isNull();
        assertThat(FieldAccessor.of("k").get(Map.of("k", "v"))).isEqualTo("v");
        assertThat(FieldAccessor.of("user").get(new Click("u1", "/", 5))).isEqualTo("u1");
        assertThat(FieldAccessor.of("name").get(new Bean())).isEqualTo("getter");
        assertThat(FieldAccessor.of("active").get(new Bean())).isEqualTo(true);
        assertThat(FieldAccessor.of("open").get(new Bean())).isEqualTo("field");
    }

    @Test
    void fieldAccessorChecksKnownClassesUpFront() {
        assertThat(FieldAccessor.of("auction").check(Bid.class)).isEmpty();
        assertThat(FieldAccessor.of("anything").check(JsonNode.class)).isEmpty();
        assertThat(FieldAccessor.of("auction").check(Click.class))
                .contains("'auction' is not a field, record component or getter of " + Click.class.getName());
        assertThatThrownBy(() -> FieldAccessor.of("auction").get(new Click("u", "/", 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'auction' is not a field");
        assertThatThrownBy(() -> FieldAccessor.of("a..b")).hasMessage("field path 'a..b' has an empty name");
    }

    @Test
    void keysFromJsonAndFromRecordsAreEqual() throws Exception {
        FieldKeySelector byAuction = FieldKeySelector.of("auction");
        assertThat(byAuction.key(json("{'auction': 1001}"))).isEqualTo(byAuction.key(new Bid(1001, "b", 1, 0)));
        assertThatThrownBy(() -> byAuction.key(json("{'price': 1}")))
                .hasMessage("key field 'auction' is missing or null in {\"price\":1}");
    }

    @Test
    void countCountsAndMerges() {
        Count<String> c = new Count<>();
        long[] acc = c.add("a", c.add("b", c.createAccumulator()));
        assertThat(c.result(c.merge(acc, c.add("c", c.createAccumulator())))).isEqualTo(3L);
    }

    @Test
    void sumStaysExactForIntegersAndTurnsFractionalOnce() throws Exception {
        Sum sum = Sum.of("price");
        Sum.Accumulator ints = sum.add(new Bid(1, "b", 7, 0), sum.add(json("{'price': 5}"), sum.createAccumulator()));
        assertThat(sum.result(ints)).isEqualTo(12L);
        Sum.Accumulator mixed = sum.merge(ints, sum.add(json("{'price': 0.5}"), sum.createAccumulator()));
        assertThat(sum.result(mixed)).isEqualTo(12.5);
        Sum.Accumulator big = sum.add(Map.of("price", Long.MAX_VALUE), sum.add(Map.of("price", 1L), sum.createAccumulator()));
        assertThat(sum.result(big)).isInstanceOf(Double.class);
        assertThatThrownBy(() -> sum.add(json("{'price': 'cheap'}"), sum.createAccumulator()))
                .hasMessage("sum: field 'price' is not a number ('cheap') in {\"price\":\"cheap\"}");
    }
}
