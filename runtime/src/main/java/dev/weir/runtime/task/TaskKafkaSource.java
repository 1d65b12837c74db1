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
 *
 * <p>With a {@link DecodeAhead} the values are decoded on the task's decoder thread as the consumer queues the
 * records, and each reader fetches before its queue runs dry so the decoder keeps ahead; without one, on the
 * engine thread as each record is handed on.
 */
final class TaskKafkaSource<T> implements Source<T> {
    private final KafkaSourceConfig<T> config;
    private final List<Integer> partitions;
    private final TaskConsumer consumer;
    private final TaskProducer producer;
    private final TaskReaders readers;
    private final DecodeAhead decoder;
    private final AtomicLong deadLettered = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();

    /** {@code decoder}: the task's decoder thread, or null to decode on the engine thread. */
    TaskKafkaSource(KafkaSourceConfig<T> config, List<Integer> partitions, TaskConsumer consumer,
                    TaskProducer producer, TaskReaders readers, DecodeAhead decoder) {
        this.config = config;
        this.decoder = decoder;
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

    /** Fetch ahead while fewer records than this are queued for a partition (with a decoder thread). */
    static final int FETCH_AHEAD_BELOW = TaskConsumer.QUEUE_CAPACITY / 4;

    private final class Reader extends TaskPartitionReader<T> {
        /** Bounded mode: the first offset not to read; -1 when unbounded. */
        private long endOffset = -1;
        /** With a decoder: batches of queued records, in queue order; the first is being handed on. */
        private final java.util.ArrayDeque<DecodeAhead.Batch<T>> decoding = new java.util.ArrayDeque<>();
        private DecodeAhead.Batch<T> batch;
        private int next;

        Reader(TopicPartition tp) {
            super(TaskKafkaSource.this.consumer, tp, TaskKafkaSource.this.readers);
        }

        @Override
        protected int fetchAheadBelow() {
            return decoder == null ? 0 : FETCH_AHEAD_BELOW;
        }

        @Override
        protected void onQueued(List<ConsumerRecord<byte[], byte[]>> records) {
            if (decoder == null) {
                return;
            }
            for (int from = 0; from < records.size(); from += DecodeAhead.BATCH_RECORDS) {
                decoding.add(decoder.submit(records.subList(from,
                        Math.min(records.size(), from + DecodeAhead.BATCH_RECORDS)), config::deserializeValue));
            }
        }

        @Override
        protected void onQueueCleared() {
            decoding.clear();
            batch = null;
        }

        /**
         * What the decoder made of {@code r}, the next record of the queue: its value or its failure, to be
         * unwrapped by {@link DecodeAhead#value}. Throws only if the reader and the decoder are out of step or the
         * decoder thread failed, which is not the record's fault.
         */
        private Object decodedAhead(ConsumerRecord<byte[], byte[]> r) throws InterruptedException {
            while (batch == null || next == batch.size()) {
                batch = decoding.poll();
                next = 0;
                if (batch == null) {
                    throw new IllegalStateException(tp + ": the record at offset " + r.offset()
                            + " was queued but not submitted for decoding");
                }
            }
            return batch.result(next++, r);
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
            Object decoded = decoder == null ? null : decodedAhead(r); // steps past r even if it is not handed on
            if (endOffset >= 0 && r.offset() >= endOffset) {
                return;
            }
            T value;
            try {
                value = decoder == null ? config.deserializeValue(r.value()) : DecodeAhead.value(decoded);
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
