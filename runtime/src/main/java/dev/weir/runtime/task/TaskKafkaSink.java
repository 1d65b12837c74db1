package dev.weir.runtime.task;

import dev.weir.api.event.Headers;
import dev.weir.runtime.kafka.KafkaSinkConfig;
import dev.weir.runtime.sink.Sink;

/**
 * A {@link dev.weir.runtime.kafka.KafkaSink} inside a task: the same record ({@link KafkaSinkConfig#record}),
 * written through the task's producer so it commits with the task's checkpoint.
 */
final class TaskKafkaSink<T> implements Sink<T> {
    private final KafkaSinkConfig<T> config;
    private final TaskProducer producer;

    TaskKafkaSink(KafkaSinkConfig<T> config, TaskProducer producer) {
        this.config = config;
        this.producer = producer;
    }

    @Override
    public SinkWriter<T> createWriter() {
        return new SinkWriter<>() {
            @Override
            public void write(T value, long timestampMillis, Headers headers) {
                producer.send(config.record(value, timestampMillis, headers));
            }

            @Override
            public void endOfInput() {
                // the task's checkpoint at end of input flushes and commits
            }
        };
    }
}
