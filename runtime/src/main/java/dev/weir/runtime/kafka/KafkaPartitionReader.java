package dev.weir.runtime.kafka;

import dev.weir.runtime.source.ReadStatus;
import dev.weir.runtime.source.RecordSink;
import dev.weir.runtime.source.SourceReader;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Reads one partition of a {@link KafkaSource} with a consumer assigned to it. */
final class KafkaPartitionReader<T> implements SourceReader<T> {
    private final KafkaSourceConfig<T> config;
    private final TopicPartition tp;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final AtomicLong skipped;
    private final AtomicLong deadLettered;
    /** Bounded mode: the first offset not to read; -1 when unbounded. */
    private final long endOffset;
    private DeadLetterWriter deadLetters;
    private Iterator<ConsumerRecord<byte[], byte[]>> buffered = Collections.emptyIterator();
    private boolean finished;

    KafkaPartitionReader(KafkaSourceConfig<T> config, int partition, AtomicLong skipped, AtomicLong deadLettered) {
        this.config = config;
        this.tp = new TopicPartition(config.topic(), partition);
        this.skipped = skipped;
        this.deadLettered = deadLettered;
        this.consumer = new KafkaConsumer<>(consumerProperties(config, partition));
        try {
            consumer.assign(Set.of(tp));
            seekToStart(config.startPosition());
            this.endOffset = config.stopAtEndOffsets() ? consumer.endOffsets(Set.of(tp)).get(tp) : -1;
        } catch (RuntimeException e) {
            consumer.close();
            throw e;
        }
    }

    private static Map<String, Object> consumerProperties(KafkaSourceConfig<?> config, int partition) {
        Map<String, Object> p = new HashMap<>();
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "weir-source-" + config.topic() + "-" + partition);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.putAll(config.clientProperties());
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        if (config.startPosition() instanceof StartPosition.Committed c) {
            p.put(ConsumerConfig.GROUP_ID_CONFIG, c.groupId());
        }
        return p;
    }

    private void seekToStart(StartPosition position) {
        if (position instanceof StartPosition.Earliest) {
            consumer.seekToBeginning(Set.of(tp));
        } else if (position instanceof StartPosition.Latest) {
            consumer.seekToEnd(Set.of(tp));
        } else if (position instanceof StartPosition.Timestamp t) {
            OffsetAndTimestamp found = consumer.offsetsForTimes(Map.of(tp, t.timestamp().toEpochMilli())).get(tp);
            if (found == null) {
                consumer.seekToEnd(Set.of(tp));
            } else {
                consumer.seek(tp, found.offset());
            }
        } else if (position instanceof StartPosition.Committed c) {
            OffsetAndMetadata committed = consumer.committed(Set.of(tp)).get(tp);
            if (committed == null) {
                seekToStart(c.fallback());
                return;
            }
            consumer.seek(tp, committed.offset());
        }
        consumer.position(tp); // resolve lazy seeks now, so a broker problem shows at start
    }

    @Override
    public ReadStatus poll(RecordSink<T> sink, int maxRecords) {
        if (finished) {
            return ReadStatus.END_OF_INPUT;
        }
        if (!buffered.hasNext()) {
            if (endOffset >= 0 && consumer.position(tp) >= endOffset) {
                finished = true;
                return ReadStatus.END_OF_INPUT;
            }
            buffered = consumer.poll(config.pollTimeout()).records(tp).iterator();
            if (!buffered.hasNext()) {
                return ReadStatus.NOTHING_AVAILABLE;
            }
        }
        int n = 0;
        while (n < maxRecords && buffered.hasNext()) {
            ConsumerRecord<byte[], byte[]> r = buffered.next();
            if (endOffset >= 0 && r.offset() >= endOffset) {
                finished = true;
                buffered = Collections.emptyIterator();
                break;
            }
            emit(r, sink);
            n++;
        }
        if (n > 0) {
            return ReadStatus.MORE;
        }
        return finished ? ReadStatus.END_OF_INPUT : ReadStatus.NOTHING_AVAILABLE;
    }

    private void emit(ConsumerRecord<byte[], byte[]> r, RecordSink<T> sink) {
        T value;
        try {
            value = config.deserializeValue(r.value());
        } catch (RuntimeException e) {
            onDeserializationError(r, e);
            return;
        }
        sink.record(value, r.timestamp(), KafkaHeaders.toWeir(r));
    }

    private void onDeserializationError(ConsumerRecord<byte[], byte[]> r, RuntimeException e) {
        switch (config.errorPolicy()) {
            case FAIL -> throw new KafkaDeserializationException(r.topic(), r.partition(), r.offset(), e);
            case SKIP -> skipped.incrementAndGet();
            case DEAD_LETTER -> {
                if (deadLetters == null) {
                    deadLetters = new DeadLetterWriter(config, tp.partition());
                }
                deadLetters.write(r, e);
                deadLettered.incrementAndGet();
            }
        }
    }

    @Override
    public void close() {
        try {
            if (deadLetters != null) {
                deadLetters.close();
            }
        } finally {
            consumer.close();
        }
    }
}
