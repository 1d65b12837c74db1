package dev.weir.runtime.task;

import dev.weir.runtime.kafka.DeadLetterWriter;
import dev.weir.runtime.kafka.KafkaDeserializationException;
import dev.weir.runtime.kafka.KafkaHeaders;
import dev.weir.runtime.kafka.KafkaSource;
import dev.weir.runtime.kafka.KafkaSourceConfig;
import dev.weir.runtime.kafka.StartPosition;
import dev.weir.runtime.source.RecordSink;
import dev.weir.runtime.source.Source;
import dev.weir.runtime.source.SourceReader;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * A task's share of a {@link KafkaSource}: the topic's partitions this task owns, read through the task's
 * {@link TaskConsumer}. Deserialization failures follow the source's policy; dead letters are written through the
 * task's producer, so under exactly-once they commit with the task's transaction (no duplicates after replay).
 */
final class TaskKafkaSource<T> implements Source<T> {
    private final KafkaSourceConfig<T> config;
    private final List<Integer> partitions;
    private final TaskConsumer consumer;
    private final TaskProducer producer;
    private final TaskReaders readers;
    private final AtomicLong deadLettered = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();

    TaskKafkaSource(KafkaSourceConfig<T> config, List<Integer> partitions, TaskConsumer consumer,
                    TaskProducer producer, TaskReaders readers) {
        this.config = config;
        this.partitions = List.copyOf(partitions);
        this.consumer = consumer;
        this.producer = producer;
        this.readers = readers;
    }

    @Override
    public int partitions() {
        return partitions.size();
    }

    @Override
    public SourceReader<T> createReader(int partition) {
        return new Reader(new TopicPartition(config.topic(), partitions.get(partition)));
    }

    @Override
    public Class<T> type() {
        return config.valueSerde().type();
    }

    /** The topic's partition number. */
    @Override
    public int partitionId(int partition) {
        return partitions.get(partition);
    }

    private final class Reader extends TaskPartitionReader<T> {
        /** Bounded mode: the first offset not to read; -1 when unbounded. */
        private long endOffset = -1;

        Reader(TopicPartition tp) {
            super(TaskKafkaSource.this.consumer, tp, TaskKafkaSource.this.readers);
        }

        @Override
        protected void seekToStart() {
            seek(config.startPosition());
        }

        private void seek(StartPosition position) {
            if (position instanceof StartPosition.Earliest) {
                consumer.seekToBeginning(tp);
            } else if (position instanceof StartPosition.Latest) {
                consumer.seekToEnd(tp);
            } else if (position instanceof StartPosition.Timestamp t) {
                Long offset = consumer.offsetForTime(tp, t.timestamp().toEpochMilli());
                if (offset == null) {
                    consumer.seekToEnd(tp);
                } else {
                    consumer.seek(tp, offset);
                }
            } else if (position instanceof StartPosition.Committed c) {
                // A task's own progress is restored from its snapshot; a fresh task starts at the fallback.
                seek(c.fallback());
            }
        }

        @Override
        protected void onInitialized() {
            if (config.stopAtEndOffsets()) {
                endOffset = consumer.endOffset(tp);
            }
        }

        /** The task's shuffles have a backlog: reading more input would only add to it. */
        @Override
        protected boolean heldBack() {
            return consumer.shuffleBacklogged();
        }

        @Override
        protected boolean endReached(long consumerPosition) {
            return endOffset >= 0 && consumerPosition >= endOffset;
        }

        @Override
        protected void emit(ConsumerRecord<byte[], byte[]> r, RecordSink<T> sink) throws Exception {
            if (endOffset >= 0 && r.offset() >= endOffset) {
                return;
            }
            T value;
            try {
                value = config.deserializeValue(r.value());
            } catch (RuntimeException e) {
                switch (config.errorPolicy()) {
                    case FAIL -> throw new KafkaDeserializationException(r.topic(), r.partition(), r.offset(), e);
                    case SKIP -> skipped.incrementAndGet();
                    case DEAD_LETTER -> {
                        producer.send(DeadLetterWriter.record(config.deadLetterTopic().orElseThrow(), r, e));
                        deadLettered.incrementAndGet();
                    }
                }
                return;
            }
            sink.record(value, r.timestamp(), KafkaHeaders.toWeir(r));
        }
    }
}
