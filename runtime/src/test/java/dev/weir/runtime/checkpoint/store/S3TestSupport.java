package dev.weir.runtime.checkpoint.store;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Optional;
import java.util.UUID;

/**
 * The S3 server the integration tests use: {@link S3Config#fromEnvironment} of the process environment, which
 * {@code dev/test.sh} sets for the s3proxy {@code dev/s3.sh} runs. No configuration is a test failure, not a skip.
 */
final class S3TestSupport {
    /** Unique per test JVM, so runs never see each other's objects. */
    static final String RUN = "weir-it-" + UUID.randomUUID().toString().substring(0, 8);

    private S3TestSupport() {
    }

    static S3Config config() {
        Optional<S3Config> config;
        try {
            config = S3Config.fromEnvironment(System.getenv());
        } catch (IllegalArgumentException e) {
            return fail("the S3 test configuration is incomplete: " + e.getMessage());
        }
        return config.orElseGet(() -> fail(S3Config.ENDPOINT + " is not set: start the dev server with "
                + "'dev/s3.sh start' and export its settings with 'eval \"$(dev/s3.sh env)\"' "
                + "(dev/test.sh does both)"));
    }

    /** The configured store with a fresh key prefix below {@link #RUN}. */
    static S3Config freshPrefix(String test) {
        S3Config c = config();
        String prefix = (c.keyPrefix().isEmpty() ? "" : c.keyPrefix() + "/") + RUN + "/" + test + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        return new S3Config(c.endpoint(), c.region(), c.bucket(), c.accessKey(), c.secretKey(), prefix);
    }
}
