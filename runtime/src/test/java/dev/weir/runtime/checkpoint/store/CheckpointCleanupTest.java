package dev.weir.runtime.checkpoint.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link CheckpointStorage#retainLatest}: what is deleted, in which order, and what is kept. */
class CheckpointCleanupTest {
    static final String TASK = "p/task-2";
    final InMemoryObjectStore store = new InMemoryObjectStore();
    final CheckpointStorage storage = new CheckpointStorage(store, TASK);
    @TempDir
    Path tmp;

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String shared(String content) {
        return TASK + "/shared/" + ContentDigest.of(utf8(content)).sha256();
    }

    private void upload(long id, String... contents) throws Exception {
        Map<String, byte[]> files = new java.util.TreeMap<>();
        for (String c : contents) {
            files.put(c + ".sst", utf8(c));
        }
        storage.upload(id, "chk-" + id + "-a", utf8("meta"), TestFiles.write(tmp.resolve("c" + id), files));
    }

    @Test
    void sharedObjectsAreKeptWhileARetainedCheckpointReferencesThem() throws Exception {
        upload(1, "a", "b");
        upload(2, "b", "c");
        upload(3, "c", "d");

        CleanupResult result = storage.retainLatest(2);

        assertThat(result).isEqualTo(new CleanupResult(1, 1));
        assertThat(store.list(TASK + "/shared/")).containsExactlyInAnyOrder(shared("b"), shared("c"), shared("d"));
        assertThat(store.list(TASK + "/checkpoints/")).containsExactly(
                TASK + "/checkpoints/chk-2-a/MANIFEST.json", TASK + "/checkpoints/chk-2-a/metadata",
                TASK + "/checkpoints/chk-3-a/MANIFEST.json", TASK + "/checkpoints/chk-3-a/metadata");

        assertThat(storage.retainLatest(1)).isEqualTo(new CleanupResult(1, 1));
        assertThat(store.list(TASK + "/shared/")).containsExactlyInAnyOrder(shared("c"), shared("d"));
        assertThat(storage.retainLatest(1)).isEqualTo(new CleanupResult(0, 0));
    }

    @Test
    void manifestsAreDeletedBeforeAnythingTheyReference() throws Exception {
        upload(1, "a");
        upload(2, "b");
        store.deletes.clear();
        storage.retainLatest(1);
        assertThat(store.deletes).containsExactly(
                List.of(TASK + "/checkpoints/chk-1-a/MANIFEST.json"),
                List.of(TASK + "/checkpoints/chk-1-a/metadata"),
                List.of(shared("a")));
    }

    @Test
    void leftoversOfIncompleteCheckpointsOlderThanTheNewestRetainedAreDeleted() throws Exception {
        upload(1, "a");
        store.put(TASK + "/checkpoints/chk-2-crashed/metadata", utf8("m"));
        store.put(shared("only-in-crashed"), utf8("only-in-crashed"));
        store.put(TASK + "/checkpoints/not-a-weir-name/metadata", utf8("m"));
        upload(3, "a");
        store.put(TASK + "/checkpoints/chk-4-in-flight/metadata", utf8("m"));

        CleanupResult result = storage.retainLatest(5);

        assertThat(result).isEqualTo(new CleanupResult(0, 1));
        assertThat(store.list(TASK + "/checkpoints/")).containsExactly(
                TASK + "/checkpoints/chk-1-a/MANIFEST.json", TASK + "/checkpoints/chk-1-a/metadata",
                TASK + "/checkpoints/chk-3-a/MANIFEST.json", TASK + "/checkpoints/chk-3-a/metadata",
                TASK + "/checkpoints/chk-4-in-flight/metadata");
        assertThat(store.list(TASK + "/shared/")).containsExactly(shared("a"));
    }

    @Test
    void unreadableManifestsCountAsIncompleteCheckpoints() throws Exception {
        upload(1, "a");
        upload(2, "b");
        store.put(TASK + "/checkpoints/chk-1-a/MANIFEST.json", utf8("not json"));
        assertThat(storage.retainLatest(3)).isEqualTo(new CleanupResult(0, 1));
        assertThat(store.list(TASK + "/checkpoints/")).allSatisfy(k -> assertThat(k).contains("/chk-2-a/"));
        assertThat(store.list(TASK + "/shared/")).containsExactly(shared("b"));
    }

    @Test
    void nothingIsDeletedWhileNoCheckpointIsComplete() throws Exception {
        store.put(shared("x"), utf8("x"));
        store.put(TASK + "/checkpoints/chk-1-a/metadata", utf8("m"));
        assertThat(storage.retainLatest(1)).isEqualTo(new CleanupResult(0, 0));
        assertThat(store.keys()).hasSize(2);
    }

    @Test
    void otherTasksAreNotTouched() throws Exception {
        store.put("p/task-20/shared/" + "1".repeat(64), utf8("x"));
        store.put("p/task-2-other/checkpoints/chk-1-a/metadata", utf8("m"));
        upload(1, "a");
        upload(2, "b");
        storage.retainLatest(1);
        assertThat(store.keys()).contains("p/task-20/shared/" + "1".repeat(64),
                "p/task-2-other/checkpoints/chk-1-a/metadata");
    }

    @Test
    void aCleanupOnAnotherThreadWaitsForTheUploadInProgress() throws Exception {
        upload(1, "a");
        CountDownLatch uploading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        store.beforePut = key -> {
            if (key.equals(shared("b"))) {
                uploading.countDown();
                awaitUninterruptibly(release);
            }
        };
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<UploadResult> uploaded = threads.submit(() -> {
                storage.upload(2, "chk-2-a", utf8("meta"), TestFiles.write(tmp.resolve("c2"), Map.of("b.sst",
                        utf8("b"))));
                return null;
            });
            assertThat(uploading.await(10, TimeUnit.SECONDS)).isTrue();
            AtomicReference<Thread> cleaner = new AtomicReference<>();
            Future<CleanupResult> cleaned = threads.submit(() -> {
                cleaner.set(Thread.currentThread());
                return storage.retainLatest(1);
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!blocked(cleaner.get()) && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(blocked(cleaner.get())).as("the cleanup waits for the upload's lock").isTrue();
            release.countDown();
            uploaded.get(10, TimeUnit.SECONDS);
            assertThat(cleaned.get(10, TimeUnit.SECONDS)).isEqualTo(new CleanupResult(1, 1));
        } finally {
            threads.shutdownNow();
        }
        assertThat(store.list(TASK + "/shared/")).containsExactly(shared("b"));
        storage.restore("chk-2-a", tmp.resolve("r"));
    }

    private static boolean blocked(Thread thread) {
        return thread != null && thread.getState() == Thread.State.BLOCKED;
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void atLeastOneCheckpointMustBeRetained() {
        assertThatThrownBy(() -> storage.retainLatest(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deletedSharedObjectsAreUploadedAgainWhenContentComesBack() throws Exception {
        upload(1, "a");
        upload(2, "b");
        storage.retainLatest(1);
        assertThat(store.exists(shared("a"))).isFalse();
        upload(3, "a");
        assertThat(store.exists(shared("a"))).isTrue();
        storage.restore("chk-3-a", tmp.resolve("r"));
    }
}
