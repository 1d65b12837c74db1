package dev.weir.runtime.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.api.function.Collector;
import dev.weir.api.function.KeyedContext;
import dev.weir.api.function.KeyedFunction;
import dev.weir.api.state.KeyedStateStore;
import dev.weir.api.state.ListStateDescriptor;
import dev.weir.api.state.MapState;
import dev.weir.api.state.MapStateDescriptor;
import dev.weir.api.state.StateTtl;
import dev.weir.api.state.ValueState;
import dev.weir.api.state.ValueStateDescriptor;
import dev.weir.runtime.testing.FunctionTestHarness;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * Keyed value, list and map state as a keyed function sees it ({@link UserStateStore} under
 * {@link FunctionTestHarness#keyed}): isolation per key, clearing, and processing-time TTL after write and after
 * access, where an expired entry is never returned and is removed from the backend when touched. The harness clock
 * starts at 0; a TTL of {@code t} means an entry refreshed at {@code r} is gone at {@code r + t}.
 */
class UserStateStoreTest {
    private static final Duration TTL = Duration.ofMinutes(1);
    static final ValueStateDescriptor<String> LAST = ValueStateDescriptor.of("last", String.class);
    static final ListStateDescriptor<String> ALL = ListStateDescriptor.of("all", String.class);
    static final MapStateDescriptor<String, Integer> SEEN = MapStateDescriptor.of("seen", String.class, Integer.class);

    /** Input {@code "key:value"}: remembers the last value, every value, and how often each value was seen. */
    static final class Remember implements KeyedFunction<String, String, Void> {
        @Override
        public void process(String in, KeyedContext<String> ctx, Collector<Void> out) {
            String v = in.substring(2);
            ctx.state().value(LAST).update(v);
            ctx.state().list(ALL).add(v);
            MapState<String, Integer> seen = ctx.state().map(SEEN);
            Integer n = seen.get(v);
            seen.put(v, n == null ? 1 : n + 1);
        }
    }

    private static FunctionTestHarness<String, Void> remembering() {
        return FunctionTestHarness.keyed(new Remember(), (String s) -> s.substring(0, 1));
    }

    /** A harness whose function does nothing: the test reads and writes the state store directly. */
    private static FunctionTestHarness<String, Void> store() {
        return FunctionTestHarness.keyed((String in, KeyedContext<String> ctx, Collector<Void> out) -> { },
                (String s) -> s);
    }

    private static void advance(FunctionTestHarness<?, ?> h, long millis) {
        h.advanceProcessingTime(Duration.ofMillis(millis));
    }

    @Test
    void valueListAndMapStateAreIsolatedPerKey() {
        var h = remembering();
        h.processElement("a:1", 0).processElement("b:2", 0).processElement("a:3", 0).processElement("a:1", 0);

        KeyedStateStore a = h.state("a");
        assertThat(a.value(LAST).value()).isEqualTo("1");
        assertThat(a.list(ALL).get()).containsExactly("1", "3", "1");
        assertThat(a.map(SEEN).entries()).isEqualTo(Map.of("1", 2, "3", 1));
        KeyedStateStore b = h.state("b");
        assertThat(b.value(LAST).value()).isEqualTo("2");
        assertThat(b.list(ALL).get()).containsExactly("2");
        assertThat(b.map(SEEN).entries()).isEqualTo(Map.of("2", 1));
        KeyedStateStore c = h.state("c");
        assertThat(c.value(LAST).value()).isNull();
        assertThat(c.list(ALL).get()).isEmpty();
        assertThat(c.map(SEEN).isEmpty()).isTrue();
        assertThat(h.stateEntryCount()).as("three states for each of two keys").isEqualTo(6);
    }

    @Test
    void clearingEveryStateOfAKeyLeavesNoEntryAndOtherKeysKeepTheirs() {
        var h = remembering();
        h.processElement("a:1", 0).processElement("b:2", 0);

        KeyedStateStore a = h.state("a");
        a.value(LAST).update(null);
        a.list(ALL).update(List.of());
        a.map(SEEN).remove("1");

        assertThat(h.stateEntryCount()).isEqualTo(3);
        assertThat(h.state("a").map(SEEN).isEmpty()).isTrue();
        assertThat(h.state("b").list(ALL).get()).containsExactly("2");
        KeyedStateStore b = h.state("b");
        b.value(LAST).clear();
        b.list(ALL).clear();
        b.map(SEEN).clear();
        assertThat(h.stateEntryCount()).isZero();
    }

    @Test
    void valueWithTtlAfterWriteExpiresTtlAfterTheWriteWhateverTheReads() {
        var h = store();
        ValueStateDescriptor<String> d = LAST.withTtl(StateTtl.afterWrite(TTL));
        h.state("k").value(d).update("v");
        advance(h, 30_000);
        assertThat(h.state("k").value(d).value()).isEqualTo("v");
        advance(h, 29_999);
        assertThat(h.state("k").value(d).value()).as("at 59.999 s").isEqualTo("v");
        advance(h, 1);
        assertThat(h.stateEntryCount()).as("still stored until touched").isEqualTo(1);

        assertThat(h.state("k").value(d).value()).as("at 60 s").isNull();
        assertThat(h.stateEntryCount()).as("removed when touched").isZero();
    }

    @Test
    void valueWithTtlAfterWriteLivesTtlAfterItsLastWrite() {
        var h = store();
        ValueStateDescriptor<String> d = LAST.withTtl(StateTtl.afterWrite(TTL));
        h.state("k").value(d).update("v1");
        advance(h, 40_000);
        h.state("k").value(d).update("v2");
        advance(h, 59_999);
        assertThat(h.state("k").value(d).value()).isEqualTo("v2");
        advance(h, 1);
        assertThat(h.state("k").value(d).value()).isNull();
    }

    @Test
    void valueWithTtlAfterAccessIsRefreshedByEveryRead() {
        var h = store();
        ValueStateDescriptor<String> d = LAST.withTtl(StateTtl.afterAccess(TTL));
        h.state("k").value(d).update("v");
        advance(h, 50_000);
        assertThat(h.state("k").value(d).valueOr("none")).isEqualTo("v");
        advance(h, 59_999);
        assertThat(h.state("k").value(d).value()).as("59.999 s after the last read").isEqualTo("v");

        advance(h, 60_000);

        assertThat(h.state("k").value(d).value()).as("60 s after the last read").isNull();
        assertThat(h.stateEntryCount()).isZero();
    }

    @Test
    void listWithTtlExpiresAsAWholeTtlAfterItsLastAdd() {
        var h = store();
        ListStateDescriptor<String> d = ALL.withTtl(StateTtl.afterWrite(TTL));
        h.state("k").list(d).add("first");
        advance(h, 30_000);
        h.state("k").list(d).add("second");
        advance(h, 59_999);
        assertThat(h.state("k").list(d).get()).containsExactly("first", "second");

        advance(h, 1);

        assertThat(h.state("k").list(d).get()).isEmpty();
        assertThat(h.stateEntryCount()).isZero();
    }

    @Test
    void mapEntriesWithTtlExpireIndividually() {
        var h = store();
        MapStateDescriptor<String, Integer> d = SEEN.withTtl(StateTtl.afterWrite(TTL));
        h.state("k").map(d).put("early", 1);
        advance(h, 30_000);
        h.state("k").map(d).put("late", 2);
        advance(h, 30_000);

        MapState<String, Integer> m = h.state("k").map(d);
        assertThat(m.get("early")).isNull();
        assertThat(m.contains("early")).isFalse();
        assertThat(m.entries()).isEqualTo(Map.of("late", 2));
        assertThat(m.isEmpty()).isFalse();

        advance(h, 30_000);
        assertThat(h.state("k").map(d).isEmpty()).isTrue();
        assertThat(h.stateEntryCount()).as("the emptied map is removed when touched").isZero();
    }

    @Test
    void mapGetWithTtlAfterAccessRefreshesOnlyTheEntryRead() {
        var h = store();
        MapStateDescriptor<String, Integer> d = SEEN.withTtl(StateTtl.afterAccess(TTL));
        h.state("k").map(d).put("read", 1);
        h.state("k").map(d).put("unread", 2);
        advance(h, 50_000);
        assertThat(h.state("k").map(d).get("read")).isEqualTo(1);

        advance(h, 50_000);

        assertThat(h.state("k").map(d).entries()).isEqualTo(Map.of("read", 1));
    }

    @Test
    void mapReadsThroughContainsAndEntriesRefreshATtlAfterAccess() {
        var h = store();
        MapStateDescriptor<String, Integer> d = SEEN.withTtl(StateTtl.afterAccess(TTL));
        h.state("k").map(d).put("checked", 1);
        h.state("k").map(d).put("listed", 2);
        advance(h, 50_000);
        assertThat(h.state("k").map(d).contains("checked")).isTrue();
        assertThat(h.state("k").map(d).entries()).containsKey("listed");

        advance(h, 50_000);

        assertThat(h.state("k").map(d).entries()).as("both were read 50 s ago, written 100 s ago")
                .isEqualTo(Map.of("checked", 1, "listed", 2));
    }

    @Test
    void ttlStateIsAgedByTheProcessingTimeOfTheFunctionsReadsToo() {
        ValueStateDescriptor<Long> count = ValueStateDescriptor.of("count", Long.class)
                .withTtl(StateTtl.afterWrite(TTL));
        KeyedFunction<String, String, Long> counter = (in, ctx, out) -> {
            ValueState<Long> c = ctx.state().value(count);
            long n = c.valueOr(0L) + 1;
            c.update(n);
            out.emit(n);
        };
        var h = FunctionTestHarness.keyed(counter, (String s) -> s);
        h.processElement("k", 0).processElement("k", 1);
        advance(h, 59_999);
        h.processElement("k", 2);
        advance(h, 60_000);
        h.processElement("k", 3);

        assertThat(h.outputValues()).as("the count restarts 60 s after its last write").containsExactly(1L, 2L, 3L, 1L);
    }

    @Test
    void sameStateNameDeclaredAsAnotherKindOfStateIsRejected() {
        var h = store();
        h.state("k").value(LAST).update("v");

        assertThatThrownBy(() -> h.state("k").list(ListStateDescriptor.of("last", String.class)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'last'");
    }

    @Test
    void sameStateNameDeclaredWithAnotherTtlIsRejected() {
        var h = store();
        h.state("k").value(LAST).update("v");

        assertThatThrownBy(() -> h.state("k").value(LAST.withTtl(StateTtl.afterWrite(TTL))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'last'");
    }
}
