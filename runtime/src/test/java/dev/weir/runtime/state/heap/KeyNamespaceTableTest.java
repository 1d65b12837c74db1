package dev.weir.runtime.state.heap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class KeyNamespaceTableTest {

    /** A key whose hash code collides for many distinct keys, to exercise probing and equals. */
    record Key(int id) {
        @Override
        public int hashCode() {
            return id % 3;
        }
    }

    record Entry(Key key, long namespace) {
    }

    /** Random puts and removes over few keys and namespaces (long probe runs, many deletions) agree with HashMap. */
    @Property(tries = 300)
    void behavesLikeAHashMapOfKeyNamespacePairs(
            @ForAll @Size(max = 600) List<@IntRange(min = -60, max = 60) Integer> ops,
            @ForAll @IntRange(min = 1, max = 5000) int stride) {
        KeyNamespaceTable<Key, String> table = new KeyNamespaceTable<>();
        Map<Entry, String> expected = new HashMap<>();
        for (int i = 0; i < ops.size(); i++) {
            int op = ops.get(i);
            Key key = new Key(Math.abs(op) % 7);
            long namespace = (long) (Math.abs(op) / 7) * stride + 1_700_000_000_000L;
            Entry e = new Entry(key, namespace);
            if (op < 0) {
                assertThat(table.remove(key, key.hashCode(), namespace)).isEqualTo(expected.remove(e) != null);
            } else {
                table.put(key, key.hashCode(), namespace, "v" + i);
                expected.put(e, "v" + i);
            }
            assertThat(table.size()).isEqualTo(expected.size());
        }
        for (int id = 0; id < 7; id++) {
            for (long n = 0; n <= 9; n++) {
                Key key = new Key(id);
                long namespace = n * stride + 1_700_000_000_000L;
                assertThat(table.get(key, key.hashCode(), namespace)).isEqualTo(expected.get(new Entry(key, namespace)));
            }
        }
    }
}
