package dev.weir.runtime.operator;

import dev.weir.api.event.Headers;
import java.util.ArrayList;
import java.util.List;

/**
 * An operator output that logs every call in order ({@code "v@ts"}, {@code "wm:W"}, {@code "idle:true"},
 * {@code "end"}, {@code "side:tag:v@ts"}), so tests can assert how elements and control signals interleave.
 */
public final class RecordingOutput<T> implements Output<T> {
    private final List<String> log = new ArrayList<>();
    private final List<T> values = new ArrayList<>();
    private long watermark = Watermarks.UNKNOWN;

    @Override
    public void element(T value, long timestampMillis, Headers headers) {
        values.add(value);
        log.add(value + "@" + timestampMillis);
    }

    @Override
    public void watermark(long watermarkMillis) {
        watermark = watermarkMillis;
        log.add("wm:" + (watermarkMillis == Watermarks.END_OF_TIME ? "END" : String.valueOf(watermarkMillis)));
    }

    @Override
    public void idle(boolean idle) {
        log.add("idle:" + idle);
    }

    @Override
    public void endOfInput() {
        log.add("end");
    }

    @Override
    public void side(String tagId, Object value, long timestampMillis, Headers headers) {
        log.add("side:" + tagId + ":" + value + "@" + timestampMillis);
    }

    /** Every call so far, in order. */
    public List<String> log() {
        return List.copyOf(log);
    }

    /** Main-output values so far. */
    public List<T> values() {
        return List.copyOf(values);
    }

    /** The last watermark forwarded. */
    public long watermark() {
        return watermark;
    }

    public void clear() {
        log.clear();
        values.clear();
    }
}
