package dev.weir.bench.nexmark.flink;

import dev.weir.bench.nexmark.Event;
import dev.weir.bench.nexmark.NexmarkGenerator;
import dev.weir.bench.nexmark.RunClock;
import org.apache.flink.api.common.functions.MapFunction;

/** Maps an arrival position (from {@code fromSequence}) to the generator's event there. */
final class GenerateEvents implements MapFunction<Long, Event> {
    private static final long serialVersionUID = 1L;
    private final NexmarkGenerator generator;

    GenerateEvents(NexmarkGenerator generator) {
        this.generator = generator;
    }

    @Override
    public Event map(Long position) {
        RunClock.generating(position);
        return generator.generate(position);
    }
}
