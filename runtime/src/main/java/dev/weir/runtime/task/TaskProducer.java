package dev.weir.runtime.task;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import dev.weir.runtime.graph.DeliveryGuarantee;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The one Kafka producer of a task: every output record of the task (sink results, shuffle records and control
 * records, dead letters) goes through it. Under {@link DeliveryGuarantee#EXACTLY_ONCE} it is transactional with
 * the task's {@linkplain TaskId#transactionalId() transactional id}: {@link #initialize()} fences any older
 * producer of the same task (a zombie), whose next send or commit then fails. Asynchronous send failures are
 * kept and rethrown by the next send or commit, so nothing is lost silently.
 */
final class TaskProducer implements AutoCloseable {
    private final KafkaProducer<byte[], byte[]> producer;
    private final String task;
    private final DeliveryGuarantee guarantee;
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    /** Output of the next checkpoint, held while the current one is stored ({@link #holdSends()}). */
    private final List<ProducerRecord<byte[], byte[]>> held = new ArrayList<>();
    private boolean holding;
    private long heldBytes;

    TaskProducer(TaskId task, String bootstrapServers, DeliveryGuarantee guarantee, Duration transactionTimeout,
                 Map<String, String> clientProperties) {
        this.task = task.toString();
        this.guarantee = guarantee;
        Map<String, Object> p = new HashMap<>(clientProperties);
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "weir-" + task.transactionalId());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, "5");
        if (guarantee == DeliveryGuarantee.EXACTLY_ONCE) {
            p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, task.transactionalId());
            p.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, (int) transactionTimeout.toMillis());
        }
        this.producer = new KafkaProducer<>(p);
    }

    /** Fences older producers of this task and aborts their open transaction; then begins the first one. */
    void initialize() {
        if (guarantee == DeliveryGuarantee.EXACTLY_ONCE) {
            producer.initTransactions();
            producer.beginTransaction();
        }
    }

    void send(ProducerRecord<byte[], byte[]> record) {
        rethrowFailure();
        if (holding) {
            held.add(record);
            heldBytes += (record.key() == null ? 0 : record.key().length)
                    + (record.value() == null ? 0 : record.value().length) + 64;
            return;
        }
        sendNow(record);
    }

    private void sendNow(ProducerRecord<byte[], byte[]> record) {
        try {
            producer.send(record, (metadata, e) -> {
                if (e != null) {
                    failure.compareAndSet(null, e);
                }
            });
        } catch (KafkaException e) {
            throw fencedOr(e);
        }
    }

    /** {@code e} as a {@link TaskFencedException} if fencing caused it, else {@code e}. */
    private RuntimeException fencedOr(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ProducerFencedException || t instanceof InvalidProducerEpochException) {
                return new TaskFencedException(task, e);
            }
        }
        return e;
    }

    /**
     * Exactly-once: until the next {@link #commit}, sends are held in memory instead of joining the open transaction,
     * which belongs to the checkpoint whose snapshot was just taken; the commit sends them in the next transaction.
     */
    void holdSends() {
        if (guarantee != DeliveryGuarantee.EXACTLY_ONCE) {
            throw new IllegalStateException("only transactional output is held");
        }
        holding = true;
    }

    /** Approximate bytes of output held by {@link #holdSends()}. */
    long heldBytes() {
        return heldBytes;
    }

    /**
     * Makes everything sent (not held) so far durable together with the consumed {@code offsets}: one transaction commit
     * (exactly-once), or a flush followed by the caller committing the offsets (at-least-once).
     */
    void commit(Map<TopicPartition, OffsetAndMetadata> offsets, String groupId) {
        if (guarantee == DeliveryGuarantee.EXACTLY_ONCE) {
            try {
                producer.sendOffsetsToTransaction(offsets, new ConsumerGroupMetadata(groupId));
                producer.commitTransaction();
            } catch (KafkaException e) {
                throw fencedOr(e);
            }
            rethrowFailure();
            producer.beginTransaction();
            holding = false;
            for (ProducerRecord<byte[], byte[]> r : held) {
                sendNow(r);
            }
            held.clear();
            heldBytes = 0;
        } else {
            producer.flush();
            rethrowFailure();
        }
    }

    private void rethrowFailure() {
        Exception e = failure.get();
        if (e instanceof RuntimeException r && fencedOr(r) instanceof TaskFencedException fenced) {
            throw fenced;
        }
        if (e != null) {
            throw new IllegalStateException("a Kafka send of this task failed: " + e, e);
        }
    }

    @Override
    public void close() {
        if (guarantee == DeliveryGuarantee.EXACTLY_ONCE) {
            try {
                // the transaction begun after the last commit holds nothing committed-worthy; aborting it lets
                // close() return at once instead of waiting for its timeout
                producer.abortTransaction();
            } catch (RuntimeException e) {
                // fenced or failed: nothing to abort
            }
        }
        producer.close(Duration.ofSeconds(5));
    }
}
