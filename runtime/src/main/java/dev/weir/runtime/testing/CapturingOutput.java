package dev.weir.runtime.testing;

import dev.weir.api.event.Event;
import dev.weir.api.event.Headers;
import dev.weir.runtime.operator.Output;
import dev.weir.runtime.operator.Watermarks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An operator output that records everything: main output, side outputs and the last forwarded watermark. */
final class CapturingOutput<T> implements Output<T> {
    final List<Event<Void, T>> main = new ArrayList<>();
    final Map<String, List<Event<Void, Object>>> sides = new LinkedHashMap<>();
    long watermark = Watermarks.UNKNOWN;
    boolean ended;

    @Override
    public void element(T value, long timestampMillis, Headers headers) {
        main.add(new Event<>(null, value, timestampMillis, headers));
    }

    @Override
    public void watermark(long watermarkMillis) {
        watermark = watermarkMillis;
    }

    @Override
    public void endOfInput() {
        ended = true;
    }

    @Override
    public void side(String tagId, Object value, long timestampMillis, Headers headers) {
        sides.computeIfAbsent(tagId, k -> new ArrayList<>()).add(new Event<>(null, value, timestampMillis, headers));
    }
}
