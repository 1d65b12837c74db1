package dev.weir.bench.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The tasks of a raw processor, one thread each, as a {@link Processor.Running}: started together, ready when all
 * are set up, stopped by a flag that each task's loop checks between polls.
 */
final class TaskGroup implements Processor.Running {
    /** One task: {@link #setUp()} on its thread before the group is ready, then {@link #poll()} until stopped. */
    interface Task {
        void setUp() throws Exception;

        /** One poll and whatever follows it (forwarding, committing when due). */
        void poll() throws Exception;

        /** Final commit and release; called on the task's thread, also after a failure. */
        void finish(boolean failed) throws Exception;
    }

    private static final long READY_TIMEOUT_SECONDS = 60;

    private final List<Thread> threads = new ArrayList<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean stopping;

    private TaskGroup() {
    }

    /** Starts one thread per task and returns once every task has set up (or one has failed). */
    static TaskGroup start(String name, List<? extends Task> tasks) throws Exception {
        TaskGroup group = new TaskGroup();
        CountDownLatch ready = new CountDownLatch(tasks.size());
        for (int i = 0; i < tasks.size(); i++) {
            Task task = tasks.get(i);
            Thread t = new Thread(() -> group.runTask(task, ready), name + "-" + i);
            t.setDaemon(true);
            group.threads.add(t);
            t.start();
        }
        if (!ready.await(READY_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            group.close();
            throw new IllegalStateException(name + ": tasks not ready within " + READY_TIMEOUT_SECONDS + " s");
        }
        if (group.failure.get() != null) {
            group.close();
        }
        return group;
    }

    private void runTask(Task task, CountDownLatch ready) {
        boolean failed = false;
        try {
            try {
                task.setUp();
            } finally {
                ready.countDown();
            }
            while (!stopping) {
                task.poll();
            }
        } catch (Throwable e) {
            failed = true;
            failure.compareAndSet(null, e);
        } finally {
            try {
                task.finish(failed);
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
            }
        }
    }

    @Override
    public Throwable failure() {
        return failure.get();
    }

    @Override
    public void close() throws Exception {
        stopping = true;
        for (Thread t : threads) {
            t.join(TimeUnit.SECONDS.toMillis(120));
            if (t.isAlive()) {
                throw new IllegalStateException(t.getName() + " did not stop within 120 s");
            }
        }
        Throwable f = failure.get();
        if (f instanceof Exception e) {
            throw e;
        } else if (f instanceof Error e) {
            throw e;
        }
    }
}
