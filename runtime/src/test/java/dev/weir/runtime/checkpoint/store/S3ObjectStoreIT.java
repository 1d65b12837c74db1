package dev.weir.runtime.checkpoint.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.RemoveBucketArgs;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.StatObjectArgs;
import io.minio.messages.Item;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@link S3ObjectStore} against the real S3 server of {@code dev/s3.sh}. */
class S3ObjectStoreIT extends ObjectStoreContract {
    @Override
    protected ObjectStore newEmptyStore() throws IOException {
        return new S3ObjectStore(S3TestSupport.freshPrefix("object-store"));
    }

    @Test
    void aMultiMegabyteFileRoundTripsInParts() throws Exception {
        byte[] content = TestFiles.random(new Random(7), 12 * 1024 * 1024 + 321); // > 5 MiB: a multipart upload
        Path source = Files.write(tmp.resolve("big.bin"), content);
        store.put("big/one", source);

        Path target = tmp.resolve("back/big.bin");
        store.download("big/one", target);
        assertThat(ContentDigest.of(target)).isEqualTo(ContentDigest.of(content));
        assertThat(store.get("big/one")).isEqualTo(content);
        assertThat(store.list("big/")).containsExactly("big/one");
    }

    @Test
    void createsAMissingBucketAndKeepsKeysUnderTheKeyPrefix() throws Exception {
        S3Config base = S3TestSupport.config();
        String bucket = "weir-it-" + UUID.randomUUID().toString().substring(0, 12);
        S3Config first = new S3Config(base.endpoint(), base.region(), bucket, base.accessKey(), base.secretKey(),
                "first/prefix");
        S3Config second = new S3Config(base.endpoint(), base.region(), bucket, base.accessKey(), base.secretKey(),
                "second");
        try (MinioClient raw = MinioClient.builder().endpoint(base.endpoint().toString()).region(base.region())
                .credentials(base.accessKey(), base.secretKey()).build()) {
            try (S3ObjectStore one = new S3ObjectStore(first); S3ObjectStore two = new S3ObjectStore(second)) {
                one.put("k/v", bytes("value"));
                raw.statObject(StatObjectArgs.builder().bucket(bucket).object("first/prefix/k/v").build());
                assertThat(one.list("")).containsExactly("k/v");
                assertThat(two.list("")).isEmpty();
                assertThat(two.exists("k/v")).isFalse();
            } finally {
                for (Result<Item> item : raw.listObjects(ListObjectsArgs.builder().bucket(bucket).recursive(true)
                        .build())) {
                    raw.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(item.get().objectName()).build());
                }
                raw.removeBucket(RemoveBucketArgs.builder().bucket(bucket).build());
            }
        }
    }

    @Test
    void transportErrorsNameTheEndpointAndBucket() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        S3Config base = S3TestSupport.config();
        S3Config nowhere = new S3Config(URI.create("http://127.0.0.1:" + closedPort), base.region(), base.bucket(),
                base.accessKey(), base.secretKey(), "");
        assertThatThrownBy(() -> new S3ObjectStore(nowhere))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("bucket " + base.bucket() + " at http://127.0.0.1:" + closedPort);
    }

    @Test
    void wrongCredentialsAreAnErrorNotAMissingObject() throws Exception {
        S3Config base = S3TestSupport.freshPrefix("credentials");
        S3Config wrong = new S3Config(base.endpoint(), base.region(), base.bucket(), base.accessKey(),
                base.secretKey() + "-wrong", base.keyPrefix());
        assertThatThrownBy(() -> new S3ObjectStore(wrong).close())
                .isInstanceOf(IOException.class)
                .isNotInstanceOf(NoSuchObjectException.class);
    }

    @Test
    void closeLeavesNoHttpThreadThatKeepsTheJvmAlive() throws Exception {
        try (S3ObjectStore other = new S3ObjectStore(S3TestSupport.freshPrefix("threads"))) {
            other.put("x", bytes("x"));
            other.get("x");
            other.delete(List.of("x"));
        }
        store.close();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (liveHttpThreads() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.isAlive() && !t.isDaemon()
                && t.getName().startsWith("OkHttp"));
        store = newEmptyStore(); // for the contract's clean-up
    }

    private static long liveHttpThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && !t.isDaemon() && t.getName().startsWith("OkHttp")).count();
    }
}
