package dev.weir.bench.state;

import dev.weir.bench.state.CheckpointResults.ProcessRecovery;
import dev.weir.runtime.state.VoidNamespace;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Recovery as a process. Two modes of a forked JVM:
 * <ul>
 *   <li>{@code hold}: restores the checkpoint and processes records (a get and a put of a random key each) until it
 *       is killed; prints {@value #READY} once it processes;</li>
 *   <li>{@code restore}: what a restarted task does: restores the checkpoint into an empty directory, processes its
 *       first record (get + put of the probe key, checking the value read) and prints one {@value #TAG} line with
 *       wall-clock times.</li>
 * </ul>
 * {@link Launcher} starts a holder, kills it with SIGKILL once it processes, starts a restorer at once and measures
 * from the kill to the restorer's first record.
 *
 * <p>Arguments: {@code MODE TASK_PREFIX CHECKPOINT WORK_DIR BLOCK_CACHE WRITE_BUFFER KEYS VALUE_BYTES PROBE_KEY};
 * the object store from the environment.
 */
public final class RecoveryChild {
    static final String READY = "STATE-RECOVERY-READY";
    static final String TAG = "STATE-RECOVERY";

    private RecoveryChild() {
    }

    public static void main(String[] args) throws Exception {
        long mainMillis = System.currentTimeMillis();
        if (args.length != 9) {
            throw new IllegalArgumentException("usage: RecoveryChild hold|restore TASK_PREFIX CHECKPOINT WORK_DIR "
                    + "BLOCK_CACHE WRITE_BUFFER KEYS VALUE_BYTES PROBE_KEY");
        }
        String mode = args[0];
        String prefix = args[1];
        String name = args[2];
        Path work = Path.of(args[3]);
        long cache = Long.parseLong(args[4]);
        long buffer = Long.parseLong(args[5]);
        StateValues values = new StateValues(Long.parseLong(args[6]), Integer.parseInt(args[7]));
        long probe = Long.parseLong(args[8]);
        PrintStream out = System.out;
        StateRestore r = StateRestore.restore(StateRestore.Connector.s3(StateBenchmark.s3Config()), prefix, name, work.resolve("restore"),
                work.resolve("local"), cache, buffer);
        if (mode.equals("hold")) {
            byte[] value = new byte[values.valueBytes()];
            for (long i = 0; ; i++) {
                long key = (KeyedCountWorkload.mix(i) >>> 1) % values.keys();
                r.backend.setCurrentKey(key);
                r.state.get(VoidNamespace.INSTANCE);
                values.fill(value, key, 2);
                r.state.put(VoidNamespace.INSTANCE, value);
                if (i == 0) {
                    out.println(READY);
                    out.flush();
                }
            }
        }
        long f0 = System.nanoTime();
        r.backend.setCurrentKey(probe);
        byte[] read = r.state.get(VoidNamespace.INSTANCE);
        r.state.put(VoidNamespace.INSTANCE, values.value(probe, 2));
        long firstRecordNanos = System.nanoTime() - f0;
        long doneMillis = System.currentTimeMillis();
        boolean verified = Arrays.equals(read, values.value(probe, 1));
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("jvmStartMillis", ManagementFactory.getRuntimeMXBean().getStartTime());
        f.put("mainMillis", mainMillis);
        f.put("connectNanos", r.connectNanos);
        f.put("downloadNanos", r.downloadNanos);
        f.put("openNanos", r.openNanos);
        f.put("firstRecordNanos", firstRecordNanos);
        f.put("firstRecordDoneMillis", doneMillis);
        f.put("verified", verified);
        r.close();
        // The same download once more, now that this JVM is warm: what part of the first was a cold JVM's.
        long w0 = System.nanoTime();
        try (StateRestore again = StateRestore.restore(StateRestore.Connector.s3(StateBenchmark.s3Config()), prefix,
                name, work.resolve("restore-again"), work.resolve("local-again"), cache, buffer)) {
            f.put("warmDownloadNanos", again.downloadNanos);
        }
        out.println(ResultLine.format(TAG, f));
        out.flush();
        CheckpointBenchmark.deleteTree(work);
        Runtime.getRuntime().halt(0);
    }

    /** Forks the two JVMs and measures from the kill to the first record. */
    static final class Launcher {
        private final List<String> javaCommand;
        private final String taskPrefix;
        private final Path work;
        private final StateBenchmarkOptions options;
        private final PrintStream err;

        /** @param javaCommand java and its options up to (excluding) the main class, class path included */
        Launcher(List<String> javaCommand, String taskPrefix, Path work, StateBenchmarkOptions options,
                 PrintStream err) {
            this.javaCommand = List.copyOf(javaCommand);
            this.taskPrefix = taskPrefix;
            this.work = work;
            this.options = options;
            this.err = err;
        }

        ProcessRecovery measure(String checkpoint, long probeKey) throws Exception {
            err.println("process recovery: starting a JVM that restores " + checkpoint + " and processes");
            Process holder = start("hold", checkpoint, work.resolve("holder"), probeKey);
            AtomicReference<String> result = new AtomicReference<>();
            CompletableFuture<Void> ready = new CompletableFuture<>();
            pump(holder, ready, result);
            try {
                ready.get(options.timeout().toMillis(), TimeUnit.MILLISECONDS);
                Thread.sleep(1_000);
                if (!holder.isAlive()) {
                    throw new IllegalStateException("the JVM holding the state ended before it was killed (exit "
                            + holder.exitValue() + ")");
                }
                long killMillis = System.currentTimeMillis();
                holder.destroyForcibly(); // SIGKILL
                holder.waitFor();
                err.println("process recovery: killed it with SIGKILL, starting a fresh JVM");
                Process restorer = start("restore", checkpoint, work.resolve("restorer"), probeKey);
                CompletableFuture<Void> done = new CompletableFuture<>();
                pump(restorer, done, result);
                if (!restorer.waitFor(options.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                    restorer.destroyForcibly();
                    throw new IllegalStateException("the restoring JVM did not finish in " + options.timeout());
                }
                done.get(10, TimeUnit.SECONDS);
                String line = result.get();
                if (line == null) {
                    throw new IllegalStateException("the restoring JVM exited with " + restorer.exitValue()
                            + " without a result");
                }
                Map<String, String> f = ResultLine.parse(TAG, line).orElseThrow();
                long jvmStart = ResultLine.longField(f, "jvmStartMillis");
                long main = ResultLine.longField(f, "mainMillis");
                long firstDone = ResultLine.longField(f, "firstRecordDoneMillis");
                ProcessRecovery r = new ProcessRecovery(firstDone - killMillis, jvmStart - killMillis,
                        main - jvmStart, ResultLine.longField(f, "connectNanos") / 1_000_000,
                        ResultLine.longField(f, "downloadNanos") / 1_000_000,
                        ResultLine.longField(f, "openNanos") / 1_000_000,
                        ResultLine.longField(f, "firstRecordNanos") / 1_000_000,
                        Boolean.parseBoolean(f.get("verified")),
                        ResultLine.longField(f, "warmDownloadNanos") / 1_000_000);
                err.printf("process recovery: kill -> first record %d ms (kill -> JVM start %d ms, JVM start -> main "
                                + "%d ms, connect %d ms, download %d ms, open %d ms, first record %d ms; the same "
                                + "download warm: %d ms)%s%n",
                        r.killToFirstRecordMillis(), r.killToJvmStartMillis(), r.jvmStartToMainMillis(),
                        r.connectMillis(), r.downloadMillis(), r.openMillis(), r.firstRecordMillis(),
                        r.warmDownloadMillis(), r.verified() ? "" : "; WRONG VALUE");
                return r;
            } finally {
                if (holder.isAlive()) {
                    holder.destroyForcibly();
                    holder.waitFor();
                }
                CheckpointBenchmark.deleteTree(work.resolve("holder"));
                CheckpointBenchmark.deleteTree(work.resolve("restorer"));
            }
        }

        private Process start(String mode, String checkpoint, Path dir, long probeKey) throws IOException {
            CheckpointBenchmark.deleteTree(dir);
            List<String> cmd = new ArrayList<>(javaCommand);
            cmd.add(RecoveryChild.class.getName());
            cmd.addAll(List.of(mode, taskPrefix, checkpoint, dir.toString(),
                    Long.toString(options.blockCacheBytes()), Long.toString(options.writeBufferBytes()),
                    Long.toString(options.stateKeys()), Integer.toString(options.valueBytes()),
                    Long.toString(probeKey)));
            Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            p.getOutputStream().close();
            return p;
        }

        /** Reads the child's stdout on a thread: completes {@code signal} on the ready or result line. */
        private void pump(Process p, CompletableFuture<Void> signal, AtomicReference<String> result) {
            Thread t = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        if (line.equals(READY)) {
                            signal.complete(null);
                        } else if (line.startsWith(TAG + " ")) {
                            result.set(line);
                            signal.complete(null);
                        } else {
                            err.println(line);
                        }
                    }
                } catch (IOException e) {
                    // the child was killed
                }
                signal.complete(null);
            }, "recovery-child-output");
            t.setDaemon(true);
            t.start();
        }
    }
}
