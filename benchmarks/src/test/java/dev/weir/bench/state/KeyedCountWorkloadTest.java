package dev.weir.bench.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.runtime.engine.EngineRun;
import dev.weir.runtime.engine.LocalEngine;
import dev.weir.runtime.state.StateBackendFactory;
import dev.weir.runtime.state.rocksdb.RocksDbOptions;
import dev.weir.runtime.state.rocksdb.RocksDbStateBackendFactory;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyedCountWorkloadTest {
    @TempDir
    Path dir;

    @Test
    void everyKeyOccursOncePerRoundInAScrambledOrder() {
        for (long keys : new long[] {1, 2, 10, 1_000, 10_000_000}) {
            KeyedCountWorkload w = new KeyedCountWorkload(keys, keys * 2);
            int sample = (int) Math.min(keys, 100_000);
            Set<Long> seen = new HashSet<>();
            for (long i = 0; i < sample; i++) {
                long k = w.key(i);
                assertThat(k).isBetween(0L, keys - 1);
                seen.add(k);
                assertThat(w.key(i + keys)).isEqualTo(k); // the second round repeats the first
            }
            assertThat(seen).hasSize(sample); // no key twice in a round
        }
        KeyedCountWorkload w = new KeyedCountWorkload(10_000_000, 1);
        assertThat(w.key(1) - w.key(0)).isNotIn(0L, 1L, -1L); // scrambled, not sequential
    }

    @Test
    void multiplierIsCoprimeWithTheKeyCount() {
        for (long n : new long[] {1, 2, 3, 10, 1_000, 2_654_435_761L, 10_000_000}) {
            long m = KeyedCountWorkload.coprimeMultiplier(n);
            assertThat(KeyedCountWorkload.gcd(m, n)).isEqualTo(1);
        }
    }

    @Test
    void everyEventIsInTheOneWindowAndNoneIsLate() {
        long events = 100_000;
        KeyedCountWorkload w = new KeyedCountWorkload(1_000, events);
        long windowEnd = KeyedCountWorkload.BASE_MILLIS + KeyedCountWorkload.WINDOW.toMillis();
        long maxSeen = KeyedCountWorkload.BASE_MILLIS;
        for (long i = 0; i < events; i++) {
            long t = w.timeMillis(i);
            assertThat(t).isBetween(KeyedCountWorkload.BASE_MILLIS, windowEnd - 1);
            assertThat(t).isGreaterThan(maxSeen - KeyedCountWorkload.OUT_OF_ORDERNESS.toMillis());
            maxSeen = Math.max(maxSeen, t);
        }
    }

    @Test
    void theHeapPipelineEmitsOneResultPerKey() {
        KeyedCountWorkload w = new KeyedCountWorkload(2_000, 5_000);
        TimedCountingSink sink = new TimedCountingSink();
        new LocalEngine().run(w.graph(sink), EngineRun.defaults().withStateBackends(StateBackendFactory.HEAP));

        assertThat(sink.count()).isEqualTo(w.expectedOutputs()).isEqualTo(2_000);
        assertThat(sink.firstResultNanos()).isPositive();
        assertThat(w.generated()).isEqualTo(5_000);
        assertThat(w.quarterNanos(0)).hasSize(4).doesNotContain(-1L);
    }

    @Test
    void quartersAreTimedAsTheyEnd() {
        KeyedCountWorkload w = new KeyedCountWorkload(10, 8);
        long start = System.nanoTime();
        for (int i = 0; i < 4; i++) {
            w.generate(i);
        }
        long[] q = w.quarterNanos(start);
        assertThat(q[0]).isNotNegative();
        assertThat(q[1]).isNotNegative();
        assertThat(q[2]).isEqualTo(-1);
        assertThat(q[3]).isEqualTo(-1);
    }

    @Test
    void theRocksDbPipelineEmitsOneResultPerKey() {
        KeyedCountWorkload w = new KeyedCountWorkload(2_000, 5_000);
        TimedCountingSink sink = new TimedCountingSink();
        new LocalEngine().run(w.graph(sink), EngineRun.defaults().withStateBackends(
                new RocksDbStateBackendFactory(RocksDbOptions.defaults(dir))));

        assertThat(sink.count()).isEqualTo(2_000);
    }
}
