package dev.weir.runtime.task;

import dev.weir.runtime.graph.Edge;
import dev.weir.runtime.graph.PipelineGraph;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The shuffle ends of one task run and which shuffles feed which: what a stop-with-savepoint drains. A shuffle's
 * writer ({@link ShuffleSink}) sends its savepoint barrier once nothing can reach it any more: every source upstream
 * of it in the task is suspended (external sources) or drained (the shuffles it reads, up to every writer's barrier).
 * The task is drained when all its writers sent their barrier and all its shuffle readers got everyone's.
 */
final class TaskShuffles {
    private final Map<String, ShuffleSink> writers = new LinkedHashMap<>();
    private final Map<String, ShuffleSource> readers = new LinkedHashMap<>();
    /** Key-by name -> the key-bys whose shuffle readers are upstream of its shuffle writer in the task graph. */
    private final Map<String, Set<String>> upstreamReaders = new LinkedHashMap<>();

    void addWriter(String keyBy, ShuffleSink sink) {
        writers.put(keyBy, sink);
    }

    void addReader(String keyBy, ShuffleSource source) {
        readers.put(keyBy, source);
    }

    /** Records, for every writer, which shuffle readers feed it in {@code taskGraph}. */
    void link(PipelineGraph taskGraph) {
        for (String keyBy : writers.keySet()) {
            Set<String> upstream = new HashSet<>();
            Set<String> seen = new HashSet<>();
            Deque<String> todo = new ArrayDeque<>();
            todo.add(keyBy + TaskGraph.SHUFFLE_OUT);
            while (!todo.isEmpty()) {
                String node = todo.poll();
                if (!seen.add(node)) {
                    continue;
                }
                if (node.endsWith(TaskGraph.SHUFFLE_IN)) {
                    upstream.add(node.substring(0, node.length() - TaskGraph.SHUFFLE_IN.length()));
                }
                for (Edge e : taskGraph.edges()) {
                    if (e.to().equals(node)) {
                        todo.add(e.from());
                    }
                }
            }
            upstreamReaders.put(keyBy, upstream);
        }
    }

    /** Sends what the writers batched (every batch boundary, and before a snapshot). */
    void flush() {
        for (ShuffleSink w : writers.values()) {
            w.flush();
        }
    }

    /**
     * Sends the barrier of savepoint {@code savepointId} from every writer whose upstream readers are drained (after
     * the task's external sources were suspended). Returns whether any was sent now.
     */
    boolean sendDueBarriers(long savepointId) {
        boolean sent = false;
        for (Map.Entry<String, ShuffleSink> w : writers.entrySet()) {
            if (!w.getValue().barrierSent() && upstreamReaders.getOrDefault(w.getKey(), Set.of()).stream()
                    .allMatch(r -> readers.get(r).drainedFor(savepointId))) {
                w.getValue().sendBarrier(savepointId);
                sent = true;
            }
        }
        return sent;
    }

    /** Whether every writer sent its barrier and every reader got the barriers of all writers. */
    boolean drained(long savepointId) {
        return writers.values().stream().allMatch(ShuffleSink::barrierSent)
                && readers.values().stream().allMatch(r -> r.drainedFor(savepointId));
    }
}
