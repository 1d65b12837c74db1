package dev.weir.bench.kafka;

/**
 * The thing under test: reads the input topic, writes the output topic. The harness creates both topics (with
 * {@link ProcessorSpec#partitions()} partitions), loads the input, calls {@link #start}, watches
 * {@link Progress}, and closes the returned {@link Running} when it has what it measures. One required method; the
 * rest defaults.
 *
 * <p>To plug a processor in: implement this (usually a few lines that build and launch a job), register it in
 * {@link Subjects}, and the harness measures its throughput and latency in both modes next to the raw Kafka
 * ceiling and reports it as a fraction of that ceiling.
 *
 * <p>Contract:
 * <ul>
 *   <li>{@code start} returns once the processor is ready to consume (clients created, transactions initialised,
 *       job running), so that latency runs do not time its start-up;</li>
 *   <li>it reads the input from the beginning (a fresh consumer group, or explicit offsets), in
 *       {@link ProcessorSpec#mode()} with {@link ProcessorSpec#commitInterval()} and
 *       {@link ProcessorSpec#parallelism()} tasks;</li>
 *   <li>it reports every input record it has consumed with {@link Progress#consumed(long)}, as soon as it has it
 *       (the throughput is timed from the first to the last input record consumed);</li>
 *   <li>every output record carries a Kafka timestamp {@code t} such that it could have been emitted, at the
 *       earliest, when the input stamped {@code t + }{@link #latencyAllowance()} arrived; latency runs (whose
 *       input is stamped with its wall-clock send time) measure {@code receive time − (t + allowance)}. A
 *       forwarded record keeps its input's timestamp (allowance 0); a tumbling window result carries the window's
 *       last timestamp {@code end - 1}, and can fire only once the watermark passes it, when an input stamped
 *       {@code end - 1 + bound} arrives (allowance: the out-of-orderness bound);</li>
 *   <li>{@link Running#close()} stops consuming, makes the output of everything consumed so far visible (flush
 *       and commit) and releases every client and thread before it returns.</li>
 * </ul>
 */
public interface Processor {

    /** Starts the processor and returns when it is ready to consume. */
    Running start(ProcessorSpec spec, Progress progress) throws Exception;

    /**
     * What the output must hold after {@code inputs} input records are consumed and the processor is closed.
     * Default: anything (e.g. a windowed count whose last windows never fire).
     */
    default OutputCheck expectedOutputs(long inputs, DeliveryMode mode) {
        return OutputCheck.any();
    }

    /**
     * How long after an output record's timestamp it can be emitted at the earliest by design (e.g. a window's
     * out-of-orderness bound); latency runs subtract it. Default: zero.
     */
    default java.time.Duration latencyAllowance() {
        return java.time.Duration.ZERO;
    }

    /** Whether the harness must count the output (a consume-only processor writes none). */
    default boolean writesOutput() {
        return true;
    }

    /** A started processor. Not {@code AutoCloseable}: the harness closes it once, explicitly, and times that. */
    interface Running {
        /**
         * Stops consuming, makes the output of every consumed record visible (ALO: flush and commit; EOS: commit
         * the open transaction), releases all clients and threads; rethrows a failure of the processor. Called
         * once.
         */
        void close() throws Exception;

        /** A failure that has stopped the processor, if any; the harness polls it while it waits. */
        default Throwable failure() {
            return null;
        }
    }
}
