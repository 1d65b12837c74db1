package dev.weir.runtime.checkpoint.store;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs object transfers (uploads, downloads with their verification) a few at a time: a transfer waits on the store
 * and the network more than on this machine, so four at once move a checkpoint's files faster than one after the
 * other. Threads live for one call.
 */
final class ParallelTransfers {
    /** Transfers at once. */
    static final int THREADS = 4;

    /** One transfer. */
    @FunctionalInterface
    interface Transfer {
        void run() throws IOException;
    }

    private ParallelTransfers() {
    }

    /**
     * Runs every transfer and returns when all ended; throws the first failure (in list order) after all ended, so
     * nothing still writes into a directory the caller cleans up.
     */
    static void runAll(List<Transfer> transfers, String threadName) throws IOException {
        if (transfers.size() <= 1) {
            for (Transfer t : transfers) {
                t.run();
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(THREADS, transfers.size()), r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> running = new ArrayList<>();
            for (Transfer t : transfers) {
                running.add(pool.submit(() -> {
                    t.run();
                    return null;
                }));
            }
            IOException failure = null;
            for (Future<?> f : running) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
                    }
                }
            }
            if (failure != null) {
                throw failure;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while transferring checkpoint files");
        } finally {
            pool.shutdownNow();
        }
    }
}
