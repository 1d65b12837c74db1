package dev.weir.runtime.checkpoint.store;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.GetObjectResponse;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectsArgs;
import io.minio.Result;
import io.minio.StatObjectArgs;
import io.minio.UploadObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.minio.messages.DeleteError;
import io.minio.messages.DeleteObject;
import io.minio.messages.Item;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link ObjectStore} on any S3-compatible service, through the MinIO Java client. Keys are stored under
 * {@link S3Config#keyPrefix()} ({@code <keyPrefix>/<key>}) in {@link S3Config#bucket()}, which the constructor
 * creates when it is missing. Files are uploaded with multipart uploads when large.
 *
 * <p>Thread-safe (the MinIO client is). {@link #close()} shuts the HTTP client's dispatcher down and evicts its
 * connections, so no HTTP thread keeps the JVM alive.
 */
public final class S3ObjectStore implements ObjectStore {
    private static final Logger LOG = LoggerFactory.getLogger(S3ObjectStore.class);
    private static final Set<String> NO_SUCH_OBJECT = Set.of("NoSuchKey", "NoSuchObject");
    private static final Set<String> BUCKET_EXISTS = Set.of("BucketAlreadyOwnedByYou", "BucketAlreadyExists");
    private static final String CONTENT_TYPE = "application/octet-stream";
    private static final long CONNECT_TIMEOUT_MILLIS = TimeUnit.SECONDS.toMillis(10);
    private static final long READ_WRITE_TIMEOUT_MILLIS = TimeUnit.MINUTES.toMillis(5);

    private final S3Config config;
    private final MinioClient client;

    /** Connects and creates the bucket if it is missing; throws {@link IOException} when that fails. */
    public S3ObjectStore(S3Config config) throws IOException {
        this.config = config;
        this.client = MinioClient.builder()
                .endpoint(config.endpoint().toString())
                .region(config.region())
                .credentials(config.accessKey(), config.secretKey())
                .build();
        client.setTimeout(CONNECT_TIMEOUT_MILLIS, READ_WRITE_TIMEOUT_MILLIS, READ_WRITE_TIMEOUT_MILLIS);
        try {
            ensureBucket();
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private void ensureBucket() throws IOException {
        String where = "bucket " + config.bucket() + " at " + config.endpoint();
        try {
            if (client.bucketExists(BucketExistsArgs.builder().bucket(config.bucket()).build())) {
                return;
            }
            client.makeBucket(MakeBucketArgs.builder().bucket(config.bucket()).region(config.region()).build());
            LOG.info("created {}", where);
        } catch (ErrorResponseException e) {
            if (!BUCKET_EXISTS.contains(e.errorResponse().code())) { // else created concurrently: fine
                throw new IOException("S3 check or create of " + where + " failed: " + e.errorResponse().code()
                        + ": " + e.getMessage(), e);
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("S3 check or create of " + where + " failed: " + e, e);
        }
    }

    @Override
    public void put(String key, Path file) throws IOException {
        String object = objectName(key);
        call("upload", key, () -> client.uploadObject(UploadObjectArgs.builder()
                .bucket(config.bucket()).object(object).filename(file.toString()).contentType(CONTENT_TYPE).build()));
    }

    @Override
    public void put(String key, byte[] bytes) throws IOException {
        String object = objectName(key);
        call("put", key, () -> client.putObject(PutObjectArgs.builder()
                .bucket(config.bucket()).object(object).contentType(CONTENT_TYPE)
                .stream(new ByteArrayInputStream(bytes), bytes.length, -1).build()));
    }

    @Override
    public byte[] get(String key) throws IOException {
        return call("get", key, () -> {
            try (GetObjectResponse in = client.getObject(GetObjectArgs.builder()
                    .bucket(config.bucket()).object(objectName(key)).build())) {
                return in.readAllBytes();
            }
        });
    }

    @Override
    public void download(String key, Path target) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, ".download-", ".tmp");
        try {
            call("download", key, () -> {
                try (GetObjectResponse in = client.getObject(GetObjectArgs.builder()
                        .bucket(config.bucket()).object(objectName(key)).build())) {
                    return Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                }
            });
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @Override
    public boolean exists(String key) throws IOException {
        try {
            call("stat", key, () -> client.statObject(StatObjectArgs.builder()
                    .bucket(config.bucket()).object(objectName(key)).build()));
            return true;
        } catch (NoSuchObjectException e) {
            return false;
        }
    }

    @Override
    public List<String> list(String prefix) throws IOException {
        String objectPrefix = prefix.isEmpty() ? rootPrefix() : objectName(prefix);
        return call("list", prefix + "*", () -> {
            List<String> keys = new ArrayList<>();
            for (Result<Item> result : client.listObjects(ListObjectsArgs.builder()
                    .bucket(config.bucket()).prefix(objectPrefix).recursive(true).build())) {
                keys.add(result.get().objectName().substring(rootPrefix().length()));
            }
            keys.sort(null);
            return keys;
        });
    }

    @Override
    public void delete(Collection<String> keys) throws IOException {
        if (keys.isEmpty()) {
            return;
        }
        List<DeleteObject> objects = keys.stream().map(k -> new DeleteObject(objectName(k))).toList();
        String first = keys.iterator().next();
        List<String> errors = call("delete", first + (keys.size() > 1 ? " and " + (keys.size() - 1) + " more" : ""),
                () -> {
                    List<String> failed = new ArrayList<>();
                    // the iterable sends the requests (1000 keys each) as it is consumed
                    for (Result<DeleteError> result : client.removeObjects(RemoveObjectsArgs.builder()
                            .bucket(config.bucket()).objects(objects).build())) {
                        DeleteError error = result.get();
                        failed.add(error.objectName() + " (" + error.code() + ": " + error.message() + ")");
                    }
                    return failed;
                });
        if (!errors.isEmpty()) {
            throw new IOException("S3 delete failed in bucket " + config.bucket() + " for " + errors.size()
                    + " objects: " + String.join(", ", errors));
        }
    }

    @Override
    public void close() throws IOException {
        try {
            client.close();
        } catch (Exception e) {
            throw new IOException("closing the S3 client failed: " + e, e);
        }
    }

    @Override
    public String toString() {
        return "S3ObjectStore[" + location("") + "]";
    }

    private String rootPrefix() {
        return config.keyPrefix().isEmpty() ? "" : config.keyPrefix() + "/";
    }

    private String objectName(String key) {
        if (key.isEmpty() || key.startsWith("/")) {
            throw new IllegalArgumentException("bad object key '" + key + "'");
        }
        return rootPrefix() + key;
    }

    private String location(String key) {
        return config.endpoint() + " bucket " + config.bucket() + " key " + rootPrefix() + key;
    }

    /** One MinIO call; its many checked exceptions become {@link IOException}s naming the key. */
    private <T> T call(String operation, String key, MinioCall<T> call) throws IOException {
        try {
            return call.run();
        } catch (ErrorResponseException e) {
            String code = e.errorResponse().code();
            if (NO_SUCH_OBJECT.contains(code)) {
                throw new NoSuchObjectException(key, "at " + location(key));
            }
            throw new IOException("S3 " + operation + " of " + location(key) + " failed: " + code + ": "
                    + e.getMessage(), e);
        } catch (IOException e) {
            throw new IOException("S3 " + operation + " of " + location(key) + " failed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("S3 " + operation + " of " + location(key) + " failed: " + e, e);
        }
    }

    @FunctionalInterface
    private interface MinioCall<T> {
        T run() throws Exception;
    }
}
