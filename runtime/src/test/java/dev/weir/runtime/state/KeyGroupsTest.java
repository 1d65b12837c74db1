package dev.weir.runtime.state;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class KeyGroupsTest {

    @Property(tries = 200)
    void rangesOfAllTasksPartitionTheKeyGroupsAndTaskOfIsConsistent(
            @ForAll @IntRange(min = 1, max = 512) int keyGroups, @ForAll @IntRange(min = 1, max = 64) int parallelism) {
        int p = Math.min(parallelism, keyGroups);
        int next = 0;
        for (int t = 0; t < p; t++) {
            KeyGroupRange r = KeyGroups.rangeOf(keyGroups, p, t);
            assertThat(r.startInclusive()).isEqualTo(next);
            for (int kg = r.startInclusive(); kg <= r.endInclusive(); kg++) {
                assertThat(KeyGroups.taskOf(kg, keyGroups, p)).isEqualTo(t);
            }
            next = r.endInclusive() + 1;
        }
        assertThat(next).isEqualTo(keyGroups);
    }

    @Test
    void keysSpreadOverAllKeyGroups() {
        int[] counts = new int[128];
        for (long k = 0; k < 128_000; k++) {
            counts[KeyGroups.of(k, 128)]++;
        }
        for (int c : counts) {
            assertThat(c).isBetween(800, 1200);
        }
    }

    enum Color { RED }

    @Test
    void enumKeysHashByNameSoAllJvmsAgree() {
        assertThat(KeyGroups.of(Color.RED, 128)).isEqualTo(KeyGroups.of("RED", 128));
    }
}
