package dev.weir.runtime.operator;

import dev.weir.api.event.Headers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An operator's output, wired to zero or more downstream inputs and to side-output consumers. With exactly one
 * downstream the engine uses that input directly; this class handles the general case.
 */
public final class Fanout<T> implements Output<T> {
    @SuppressWarnings("rawtypes")
    private Input[] targets = new Input[0];
    private final Map<String, List<Input<Object>>> sides = new HashMap<>();

    @SuppressWarnings("rawtypes")
    public void add(Input<? super T> target) {
        Input[] grown = java.util.Arrays.copyOf(targets, targets.length + 1);
        grown[targets.length] = target;
        targets = grown;
    }

    public void addSide(String tagId, Input<Object> target) {
        sides.computeIfAbsent(tagId, k -> new ArrayList<>()).add(target);
    }

    public boolean hasSide(String tagId) {
        return sides.containsKey(tagId);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void element(T value, long timestampMillis, Headers headers) {
        for (Input<? super T> t : targets) {
            t.element(value, timestampMillis, headers);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void watermark(long watermarkMillis) {
        for (Input<? super T> t : targets) {
            t.watermark(watermarkMillis);
        }
        for (List<Input<Object>> l : sides.values()) {
            for (Input<Object> t : l) {
                t.watermark(watermarkMillis);
            }
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void idle(boolean idle) {
        for (Input<? super T> t : targets) {
            t.idle(idle);
        }
        for (List<Input<Object>> l : sides.values()) {
            for (Input<Object> t : l) {
                t.idle(idle);
            }
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void endOfInput() {
        for (Input<? super T> t : targets) {
            t.endOfInput();
        }
        for (List<Input<Object>> l : sides.values()) {
            for (Input<Object> t : l) {
                t.endOfInput();
            }
        }
    }

    @Override
    public void side(String tagId, Object value, long timestampMillis, Headers headers) {
        List<Input<Object>> l = sides.get(tagId);
        if (l != null) {
            for (Input<Object> t : l) {
                t.element(value, timestampMillis, headers);
            }
        }
    }
}
