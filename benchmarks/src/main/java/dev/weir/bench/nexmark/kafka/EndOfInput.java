package dev.weir.bench.nexmark.kafka;

import dev.weir.bench.nexmark.NexmarkGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The end-of-input marks the harness appends to the input topic after the last event: records without an event
 * whose event times lie far past the input, so that an engine whose windows close on <em>stream time</em> (the
 * largest event time an operator has seen; Kafka Streams) closes every window of the input although the topic
 * never ends.
 *
 * <p>Every engine treats a mark as time only: it advances stream time (Kafka Streams) or the watermark (Weir,
 * Flink: the mark passes the timestamp assigner, then is dropped), and no operator adds it to a result, so a window
 * holding only marks yields no rows. Kafka Streams' windowed operators (and {@code suppress}) each track the largest
 * timestamp <em>they</em> have seen, so a mark must flow through every stage: a windowed stage forwards a mark's own
 * window only when the next mark closes it, which is why there are {@link #MARKS} of them, one per chained windowed
 * stage (q5 has two). The last mark's windows never close.
 *
 * <p>Example (1M events, last event at {@code base + 9,999.99 ms}): mark 0 at {@code base + 9,999 ms + 1 h}, mark 1
 * one hour later.
 */
public final class EndOfInput {
    /** Marks appended: the most chained windowed stages of any query's Kafka Streams topology (q5). */
    public static final int MARKS = 2;
    /** Event time from the last event to the first mark and between marks: far past every window and grace. */
    public static final Duration SPACING = Duration.ofHours(1);

    private EndOfInput() {
    }

    /** The marks after {@code generator}'s input, in order. */
    public static List<EventEnvelope> marks(NexmarkGenerator generator) {
        long last = generator.timestampMillis(generator.events() - 1);
        List<EventEnvelope> marks = new ArrayList<>();
        for (int k = 1; k <= MARKS; k++) {
            marks.add(EventEnvelope.endMark(last + k * SPACING.toMillis()));
        }
        return marks;
    }

    /** Whether {@code timeMillis} (event time) is a mark's, i.e. past every event of an input of that generator. */
    public static boolean isMarkTime(NexmarkGenerator generator, long timeMillis) {
        return timeMillis > generator.timestampMillis(generator.events() - 1) + SPACING.toMillis() / 2;
    }
}
