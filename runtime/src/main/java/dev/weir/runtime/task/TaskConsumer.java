package dev.weir.runtime.task;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The one Kafka consumer of a task, assigned to every partition the task reads (its share of each source topic
 * and its partition of each shuffle topic), with {@code read_committed} isolation. A poll spreads the records
 * into one bounded queue per partition, which that partition's reader drains on the engine thread.
 *
 * <p>Back pressure: a partition whose queue holds {@link #QUEUE_CAPACITY} records or more is paused (the consumer
 * stops fetching it) and resumed once its reader drained it below half. The engine only polls its readers when the
 * operators downstream have processed the last batch, so memory stays bounded however slow the pipeline is.
 *
 * <p>Not thread-safe: the engine thread owns it.
 */
final class TaskConsumer implements AutoCloseable {
    /** Records buffered per partition before the partition is paused. */
    static final int QUEUE_CAPACITY = 4096;
    /** Minimum time between two fetches triggered by empty queues, ns: keeps an idle task from spinning. */
    private static final long MIN_FETCH_INTERVAL_NANOS = 200_000;
    /** How long a fetch may wait for records when no queue holds any: the engine has nothing else to do. */
    private static final Duration IDLE_FETCH_WAIT = Duration.ofMillis(2);
    /** Records per poll (Kafka's default is 500): fewer polls per record. */
    private static final int MAX_POLL_RECORDS = 4096;
    /**
     * Kafka records of the task's shuffle partitions not yet handed to the engine (queued, or committed in Kafka after
     * the consumer's position) above which the task's external sources hold back ({@link #shuffleBacklogged}). A
     * shuffle record is mostly a batch of up to {@link ShuffleSink#MAX_BATCH_BYTES} of data records (~100 records of
     * 80 bytes), so this is ~100k records.
     */
    static final long MAX_SHUFFLE_BACKLOG = 1024;

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Map<TopicPartition, ArrayDeque<ConsumerRecord<byte[], byte[]>>> queues = new LinkedHashMap<>();
    private final Map<TopicPartition, QueueListener> listeners = new HashMap<>();
    private final Set<TopicPartition> paused = new java.util.HashSet<>();
    private final List<TopicPartition> shuffles = new ArrayList<>();
    private long lastFetchNanos;
    /** Records in all queues, as of the last {@link #drained} calls (a hint for how long a fetch may wait). */
    private long queued;
    private boolean assigned;

    TaskConsumer(String bootstrapServers, String groupId, String clientId, Map<String, String> clientProperties) {
        Map<String, Object> p = new HashMap<>(clientProperties);
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, MAX_POLL_RECORDS);
        this.consumer = new KafkaConsumer<>(p);
    }

    /** Told, on the engine thread, what a fetch queued for a partition and when a seek dropped its queue. */
    interface QueueListener {
        /** {@code records} (in offset order) were appended to the partition's queue. */
        void queued(List<ConsumerRecord<byte[], byte[]>> records);

        /** The partition's queue was emptied before a seek. */
        void cleared();
    }

    /** Adds a partition to read; all partitions are registered before the first {@link #start}. */
    ArrayDeque<ConsumerRecord<byte[], byte[]>> register(TopicPartition tp) {
        if (assigned) {
            throw new IllegalStateException("partition " + tp + " registered after the task consumer started");
        }
        return queues.computeIfAbsent(tp, t -> new ArrayDeque<>());
    }

    /** {@link #register(TopicPartition)}, telling {@code listener} about the partition's queue. */
    ArrayDeque<ConsumerRecord<byte[], byte[]>> register(TopicPartition tp, QueueListener listener) {
        ArrayDeque<ConsumerRecord<byte[], byte[]>> queue = register(tp);
        listeners.put(tp, listener);
        return queue;
    }

    /** Marks a registered partition as a shuffle partition: its backlog holds back the external sources. */
    void markShuffle(TopicPartition tp) {
        if (!queues.containsKey(tp)) {
            throw new IllegalStateException("partition " + tp + " is not registered");
        }
        shuffles.add(tp);
    }

    /**
     * Whether the shuffle partitions hold more than {@link #MAX_SHUFFLE_BACKLOG} Kafka records the engine has not
     * taken yet. The task's external sources then hold back (back pressure), so reading the input cannot run
     * ahead of the keyed half of the pipeline: without it a task reads its input at full speed while the records
     * other tasks shuffled to it pile up in Kafka, and results lag behind the input without bound.
     */
    boolean shuffleBacklogged() {
        if (!assigned || shuffles.isEmpty()) {
            return false;
        }
        long backlog = 0;
        for (TopicPartition tp : shuffles) {
            backlog += queues.get(tp).size();
            OptionalLong lag = consumer.currentLag(tp); // as of the last fetch; read_committed: up to the stable offset
            if (lag.isPresent()) {
                backlog += lag.getAsLong();
            }
        }
        return backlog > MAX_SHUFFLE_BACKLOG;
    }

    /** Assigns every registered partition (idempotent). */
    void start() {
        if (!assigned) {
            consumer.assign(new ArrayList<>(queues.keySet()));
            assigned = true;
        }
    }

    /** Committed offsets (with metadata) of the given partitions in the task's group; absent if none. */
    Map<TopicPartition, OffsetAndMetadata> committed(Set<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> result = new HashMap<>();
        consumer.committed(partitions, Duration.ofSeconds(30)).forEach((tp, om) -> {
            if (om != null) {
                result.put(tp, om);
            }
        });
        return result;
    }

    /**
     * Drops what is queued for {@code tp} before a seek (another reader's fetch may have filled the queue before
     * this partition's reader positioned itself), and resumes the partition if the full queue had paused it.
     */
    private void clear(TopicPartition tp) {
        ArrayDeque<ConsumerRecord<byte[], byte[]>> q = queues.get(tp);
        queued -= q.size();
        q.clear();
        QueueListener listener = listeners.get(tp);
        if (listener != null) {
            listener.cleared();
        }
        if (paused.remove(tp)) {
            consumer.resume(List.of(tp));
        }
    }

    void seek(TopicPartition tp, long offset) {
        start();
        clear(tp);
        consumer.seek(tp, offset);
    }

    void seekToBeginning(TopicPartition tp) {
        start();
        clear(tp);
        consumer.seekToBeginning(List.of(tp));
    }

    void seekToEnd(TopicPartition tp) {
        start();
        clear(tp);
        consumer.seekToEnd(List.of(tp));
    }

    long endOffset(TopicPartition tp) {
        return consumer.endOffsets(List.of(tp)).get(tp);
    }

    Long offsetForTime(TopicPartition tp, long timestampMillis) {
        var found = consumer.offsetsForTimes(Map.of(tp, timestampMillis)).get(tp);
        return found == null ? null : found.offset();
    }

    /** The consumer's fetch position of {@code tp} (resolves pending seeks). */
    long position(TopicPartition tp) {
        start();
        return consumer.position(tp);
    }

    /**
     * Called by a reader whose queue is empty: fetches, unless a fetch happened a moment ago. The fetch does not
     * wait if another partition has records queued (the engine has work); if none has, it waits up to
     * {@link #IDLE_FETCH_WAIT} for records, which replaces the engine's idle pause and wakes it as soon as data
     * arrives. Records go to their partitions' queues; full queues pause their partitions.
     */
    void fetch() {
        start();
        long now = System.nanoTime();
        if (now - lastFetchNanos < MIN_FETCH_INTERVAL_NANOS) {
            return;
        }
        ConsumerRecords<byte[], byte[]> records = consumer.poll(queued == 0 ? IDLE_FETCH_WAIT : Duration.ZERO);
        lastFetchNanos = System.nanoTime();
        if (records.isEmpty()) {
            return;
        }
        queued += records.count();
        for (TopicPartition tp : records.partitions()) {
            ArrayDeque<ConsumerRecord<byte[], byte[]>> q = queues.get(tp);
            List<ConsumerRecord<byte[], byte[]>> fetched = records.records(tp);
            q.addAll(fetched);
            QueueListener listener = listeners.get(tp);
            if (listener != null) {
                listener.queued(fetched);
            }
            if (q.size() >= QUEUE_CAPACITY && paused.add(tp)) {
                consumer.pause(List.of(tp));
            }
        }
    }

    /**
     * Called by a reader after taking {@code taken} records from its queue: resumes its partition once the queue
     * is below half capacity.
     */
    void drained(TopicPartition tp, int taken, int queued) {
        this.queued -= taken;
        if (queued < QUEUE_CAPACITY / 2 && paused.remove(tp)) {
            consumer.resume(List.of(tp));
        }
    }

    /** Commits offsets outside a transaction (at-least-once mode). */
    void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets) {
        consumer.commitSync(offsets, Duration.ofSeconds(60));
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
