package dev.weir.runtime.task;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The decoder thread of a task: turns the bytes of the records its Kafka sources fetched into values ahead of the
 * engine thread, so deserialization (a third of the engine thread's time for 100-byte JSON events) runs on another
 * core while the engine runs the operators.
 *
 * <p>Records are submitted in {@link Batch batches} as the task's consumer queues them, and decoded one batch at a
 * time in submission order. The engine takes the results in record order ({@link Batch#result}), waiting only if it
 * catches up with the decoder, and applies the source's error policy to a failed record exactly as if it had
 * decoded it itself. Decoding is a function of the record's bytes alone, so it changes nothing about positions,
 * checkpoints or exactly-once: the engine still hands records on one at a time, and a batch whose records a seek
 * dropped is ignored. Only queued records are submitted, so the consumer's bounded queues bound what is decoded
 * ahead. Serdes are thread-safe by contract ({@link dev.weir.api.serde.Serde}).
 */
final class DecodeAhead implements AutoCloseable {
    /** Records per batch: the engine starts on a fetch's first records while the decoder works on the rest. */
    static final int BATCH_RECORDS = 256;

    private final ExecutorService executor;

    /** Starts the decoder thread, {@code threadName}, with {@code classLoader} as its context class loader. */
    DecodeAhead(String threadName, ClassLoader classLoader) {
        executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            t.setContextClassLoader(classLoader);
            return t;
        });
    }

    /** Decodes the values of {@code records} with {@code decode}, after every batch submitted before. */
    <T> Batch<T> submit(List<ConsumerRecord<byte[], byte[]>> records, Function<byte[], T> decode) {
        Batch<T> batch = new Batch<>(records, decode);
        batch.done = executor.submit(batch::decode);
        return batch;
    }

    /** Stops the decoder thread; batches not decoded yet fail when the engine asks for their results. */
    @Override
    public void close() {
        for (Runnable notStarted : executor.shutdownNow()) {
            if (notStarted instanceof Future<?> f) {
                f.cancel(false); // shutdownNow leaves them pending: a get() would wait forever
            }
        }
    }

    /** A decoding failure, kept in place of the record's value. */
    private record Failure(RuntimeException error) {
    }

    /**
     * The value in a {@link Batch#result}.
     *
     * @throws RuntimeException what decoding the record threw
     */
    @SuppressWarnings("unchecked")
    static <T> T value(Object result) {
        if (result instanceof Failure f) {
            throw f.error();
        }
        return (T) result;
    }

    /**
     * Records and, once decoded, their values or failures. Filled by the decoder thread; read by the engine thread
     * after {@link Future#get()}, which orders the two.
     */
    static final class Batch<T> {
        private final List<ConsumerRecord<byte[], byte[]>> records;
        private final Function<byte[], T> decode;
        private final Object[] results;
        private Future<?> done;
        private boolean awaited;

        private Batch(List<ConsumerRecord<byte[], byte[]>> records, Function<byte[], T> decode) {
            this.records = records;
            this.decode = decode;
            this.results = new Object[records.size()];
        }

        private void decode() {
            for (int i = 0; i < results.length; i++) {
                try {
                    results[i] = decode.apply(records.get(i).value());
                } catch (RuntimeException e) {
                    results[i] = new Failure(e);
                }
            }
        }

        int size() {
            return results.length;
        }

        /**
         * What decoding the {@code i}-th record, which must be {@code record}, gave: its value or its failure, for
         * {@link DecodeAhead#value}. Waits for the batch to be decoded.
         *
         * @throws IllegalStateException if the decoder thread failed, or {@code record} is not the batch's
         *                               {@code i}-th record (the reader and its batches are out of step: a bug)
         */
        Object result(int i, ConsumerRecord<byte[], byte[]> record) throws InterruptedException {
            if (records.get(i) != record) {
                throw new IllegalStateException("decode-ahead out of step at " + record.topic() + "-"
                        + record.partition() + " offset " + record.offset() + ": the batch holds offset "
                        + records.get(i).offset() + " there");
            }
            if (!awaited) {
                try {
                    done.get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException("the decoder thread failed: " + e.getCause(), e.getCause());
                } catch (java.util.concurrent.CancellationException e) {
                    throw new IllegalStateException("the decoder thread was closed", e);
                }
                awaited = true;
            }
            return results[i];
        }
    }
}
