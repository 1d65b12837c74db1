package dev.weir.runtime.state.heap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class LongObjectMapTest {

    /** Random puts and removes over a small key space (many collisions, many deletions) agree with HashMap. */
    @Property(tries = 300)
    void behavesLikeAHashMap(@ForAll @Size(max = 400) List<@IntRange(min = -40, max = 40) Integer> ops,
                             @ForAll @IntRange(min = 1, max = 5000) int stride) {
        LongObjectMap<String> map = new LongObjectMap<>();
        Map<Long, String> expected = new HashMap<>();
        for (int i = 0; i < ops.size(); i++) {
            long key = (long) Math.abs(ops.get(i)) * stride + 1_700_000_000_000L;
            if (ops.get(i) < 0) {
                assertThat(map.remove(key)).isEqualTo(expected.remove(key) != null);
            } else {
                map.put(key, "v" + i);
                expected.put(key, "v" + i);
            }
            assertThat(map.size()).isEqualTo(expected.size());
        }
        for (long k = 0; k <= 40; k++) {
            long key = k * stride + 1_700_000_000_000L;
            assertThat(map.get(key)).isEqualTo(expected.get(key));
        }
    }
}
