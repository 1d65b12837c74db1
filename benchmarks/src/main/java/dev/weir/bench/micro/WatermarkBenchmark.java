package dev.weir.bench.micro;

import dev.weir.runtime.operator.MultiInput;
import dev.weir.runtime.watermark.WatermarkGenerator;
import dev.weir.runtime.watermark.WatermarkStrategy;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Watermark propagation, per record: the bounded-out-of-orderness generator a source partition runs on every
 * element ({@code WatermarkStrategy.createGenerator()}), and the minimum over an operator's inputs that
 * {@link MultiInput} recomputes on every input watermark (idle inputs ignored), as multi-input operators and
 * shuffle readers do.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 10, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class WatermarkBenchmark {
    /** Event times 10 ms apart plus a jitter in [0, 511] ms: out of order within the 1 s bound. */
    @State(Scope.Thread)
    public static class Source {
        private static final long START_MILLIS = 1_735_689_600_000L;
        final long[] jitter = new long[1024];
        WatermarkGenerator periodic;
        WatermarkGenerator perEvent;
        long index;

        @Setup
        public void setup() {
            WatermarkStrategy<Object> bounded = WatermarkStrategy.boundedOutOfOrderness(Duration.ofSeconds(1));
            periodic = bounded.createGenerator();
            perEvent = bounded.withPerEventEmission().createGenerator();
            long x = 0x9E3779B97F4A7C15L;
            for (int i = 0; i < jitter.length; i++) {
                x ^= x << 13;
                x ^= x >>> 7;
                x ^= x << 17;
                jitter[i] = x & 511;
            }
        }

        long nextTimestamp() {
            long i = index++;
            return START_MILLIS + i * 10 + jitter[(int) (i & 1023)];
        }
    }

    /** The default: periodic emission, so a record only updates the largest timestamp seen. */
    @Benchmark
    public long generatorPeriodic(Source s) {
        return s.periodic.onEvent(s.nextTimestamp());
    }

    /** Per-event emission: every record also computes the watermark. */
    @Benchmark
    public long generatorPerEvent(Source s) {
        return s.perEvent.onEvent(s.nextTimestamp());
    }

    /**
     * An operator with {@code inputs} inputs, of which {@code idle} are idle. Each operation advances the watermark
     * of the next active input in turn (round robin), so the combined minimum advances once per round.
     */
    @State(Scope.Thread)
    public static class Inputs {
        @Param({"2", "16", "128"})
        public int inputs;

        /** {@code none}, or {@code half}: every other input is idle. */
        @Param({"none", "half"})
        public String idle;

        MultiInput multiInput;
        int[] active;
        long[] watermarks;
        int next;

        @Setup
        public void setup(Blackhole bh) {
            multiInput = new MultiInput(inputs, bh::consume, bh::consume, () -> { });
            boolean half = switch (idle) {
                case "none" -> false;
                case "half" -> true;
                default -> throw new IllegalArgumentException("idle must be none or half, was " + idle);
            };
            int activeCount = 0;
            active = new int[inputs];
            for (int i = 0; i < inputs; i++) {
                if (half && i % 2 == 1) {
                    multiInput.idle(i, true);
                } else {
                    active[activeCount++] = i;
                }
            }
            active = java.util.Arrays.copyOf(active, activeCount);
            watermarks = new long[inputs];
        }
    }

    /** One input's watermark advances by 1 ms; the combination recomputes the minimum over the active inputs. */
    @Benchmark
    public long combineMinOverInputs(Inputs s) {
        int input = s.active[s.next];
        s.next = s.next + 1 == s.active.length ? 0 : s.next + 1;
        long w = ++s.watermarks[input];
        s.multiInput.watermark(input, w);
        return s.multiInput.combined();
    }
}
