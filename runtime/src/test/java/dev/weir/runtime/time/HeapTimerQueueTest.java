package dev.weir.runtime.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class HeapTimerQueueTest {

    /**
     * Random registrations and deletions over few timestamps and keys (single-timer buckets, sets, upgrades,
     * emptied buckets) fire exactly the live timers, ordered by timestamp and, within one, by first registration.
     */
    @Property(tries = 300)
    void firesExactlyTheLiveTimersInTimestampThenRegistrationOrder(
            @ForAll @Size(max = 200) List<@IntRange(min = -30, max = 30) Integer> ops,
            @ForAll @IntRange(min = 0, max = 12) int upTo) {
        TimerQueue<Integer, String> queue = new HeapTimerQueue<>();
        Set<InternalTimer<Integer, String>> expected = new LinkedHashSet<>();
        for (int op : ops) {
            long ts = Math.abs(op) % 10;
            int key = Math.abs(op) % 3;
            InternalTimer<Integer, String> t = new InternalTimer<>(ts, key, "w");
            if (op < 0) {
                queue.delete(ts, key, "w");
                expected.remove(t);
            } else {
                queue.register(ts, key, "w");
                expected.add(t);
            }
            assertThat(queue.size()).isEqualTo(expected.size());
        }
        List<InternalTimer<Integer, String>> fired = new ArrayList<>();
        queue.fireUpTo(upTo, fired::add);
        List<InternalTimer<Integer, String>> due = expected.stream().filter(t -> t.timestampMillis() <= upTo)
                .sorted(Comparator.comparingLong(InternalTimer::timestampMillis)).toList();
        assertThat(fired).containsExactlyElementsOf(due);
        assertThat(queue.size()).isEqualTo(expected.size() - due.size());
        assertThat(queue.nextTimestamp()).isEqualTo(expected.stream().mapToLong(InternalTimer::timestampMillis)
                .filter(ts -> ts > upTo).min().orElse(Long.MAX_VALUE));
    }
}
