package dev.weir.runtime.testing;

import dev.weir.api.event.Headers;
import dev.weir.runtime.checkpoint.Checkpointed;
import dev.weir.runtime.checkpoint.Snapshots;
import dev.weir.runtime.source.ReadStatus;
import dev.weir.runtime.source.RecordSink;
import dev.weir.runtime.source.Source;
import dev.weir.runtime.source.SourceReader;
import java.util.ArrayList;
import java.util.List;

/**
 * A bounded, single-partition source that replays a script of elements and watermarks exactly, so a test
 * controls which elements are late. Use with {@link dev.weir.runtime.watermark.WatermarkStrategy#fromSource()}.
 * The script is validated as it is built: watermarks never decrease. A reader's snapshot is the index of its next
 * step.
 *
 * <pre>{@code
 * ScriptedSource<String> s = ScriptedSource.of(String.class)
 *     .element("a", 1_000).element("b", 3_000).watermark(4_999).element("late", 2_000);
 * }</pre>
 */
public final class ScriptedSource<T> implements Source<T> {
    /** One step of the script. */
    public sealed interface Step<T> {
        /** An element with its event timestamp. */
        record Element<T>(T value, long timestampMillis) implements Step<T> {
        }

        /** A watermark advance. */
        record Watermark<T>(long watermarkMillis) implements Step<T> {
        }
    }

    private final Class<T> type;
    private final List<Step<T>> steps = new ArrayList<>();
    private long lastWatermark = Long.MIN_VALUE;

    private ScriptedSource(Class<T> type) {
        this.type = type;
    }

    public static <T> ScriptedSource<T> of(Class<T> type) {
        return new ScriptedSource<>(type);
    }

    public ScriptedSource<T> element(T value, long timestampMillis) {
        steps.add(new Step.Element<>(value, timestampMillis));
        return this;
    }

    public ScriptedSource<T> watermark(long watermarkMillis) {
        if (watermarkMillis < lastWatermark) {
            throw new IllegalArgumentException("watermark " + watermarkMillis + " is below the previous " + lastWatermark);
        }
        lastWatermark = watermarkMillis;
        steps.add(new Step.Watermark<>(watermarkMillis));
        return this;
    }

    public List<Step<T>> steps() {
        return List.copyOf(steps);
    }

    @Override
    public int partitions() {
        return 1;
    }

    @Override
    public Class<T> type() {
        return type;
    }

    @Override
    public SourceReader<T> createReader(int partition) {
        return new Reader<>(List.copyOf(steps));
    }

    private static final class Reader<T> implements SourceReader<T>, Checkpointed {
        private final List<Step<T>> script;
        private int next;

        Reader(List<Step<T>> script) {
            this.script = script;
        }

        @Override
        public ReadStatus poll(RecordSink<T> sink, int maxRecords) {
            if (next >= script.size()) {
                return ReadStatus.END_OF_INPUT;
            }
            int end = Math.min(script.size(), next + maxRecords);
            for (; next < end; next++) {
                Step<T> s = script.get(next);
                if (s instanceof Step.Element<T> e) {
                    sink.record(e.value(), e.timestampMillis(), Headers.EMPTY);
                } else if (s instanceof Step.Watermark<T> w) {
                    sink.watermark(w.watermarkMillis());
                }
            }
            return ReadStatus.MORE;
        }

        @Override
        public Object snapshotState() {
            return next;
        }

        @Override
        public void restoreState(Object state) {
            int position = Snapshots.expect(state, Integer.class, "scripted source reader");
            if (position < 0 || position > script.size()) {
                throw new IllegalArgumentException("step " + position + " is outside this script's " + script.size()
                        + " steps");
            }
            next = position;
        }
    }
}
