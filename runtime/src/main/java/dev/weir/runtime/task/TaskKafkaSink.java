package dev.weir.runtime.task;

import dev.weir.api.event.Headers;
import dev.weir.runtime.kafka.KafkaHeaders;
import dev.weir.runtime.kafka.KafkaSinkConfig;
import dev.weir.runtime.sink.Sink;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * A {@link dev.weir.runtime.kafka.KafkaSink} inside a task: the same record (key, value, headers, event timestamp
 * as record timestamp), written through the task's producer so it commits with the task's checkpoint.
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
                byte[] key = config.key().map(k -> k.keyBytes(value)).orElse(null);
                Long ts = timestampMillis >= 0 ? timestampMillis : null;
                producer.send(new ProducerRecord<>(config.topic(), null, ts, key, config.valueSerde().serialize(value),
                        KafkaHeaders.toKafka(headers)));
            }

            @Override
            public void endOfInput() {
                // the task's checkpoint at end of input flushes and commits
            }
        };
    }
}
