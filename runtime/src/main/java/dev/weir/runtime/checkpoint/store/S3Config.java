package dev.weir.runtime.checkpoint.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how to reach an S3-compatible object store. Nothing here is specific to one server: the same settings
 * address AWS S3, MinIO or s3proxy.
 *
 * @param endpoint  the service URL, e.g. {@code https://s3.eu-west-1.amazonaws.com} or {@code http://minio:9000}
 * @param region    the region requests are signed for ({@code us-east-1} for MinIO and s3proxy unless configured)
 * @param bucket    the bucket holding everything Weir stores; created at start-up when missing
 * @param accessKey the access key id
 * @param secretKey the secret access key; never printed by {@link #toString()}
 * @param keyPrefix a prefix put in front of every object key (without leading or trailing {@code /}; empty for
 *                  none), so several installations can share a bucket
 */
public record S3Config(URI endpoint, String region, String bucket, String accessKey, String secretKey,
                       String keyPrefix) {
    public static final String ENDPOINT = "WEIR_S3_ENDPOINT";
    public static final String REGION = "WEIR_S3_REGION";
    public static final String BUCKET = "WEIR_S3_BUCKET";
    public static final String ACCESS_KEY = "WEIR_S3_ACCESS_KEY";
    public static final String SECRET_KEY = "WEIR_S3_SECRET_KEY";
    public static final String PREFIX = "WEIR_S3_PREFIX";
    /** The region used when {@value #REGION} is not set. */
    public static final String DEFAULT_REGION = "us-east-1";

    public S3Config {
        Objects.requireNonNull(endpoint, "endpoint");
        if (!"http".equals(endpoint.getScheme()) && !"https".equals(endpoint.getScheme())
                || endpoint.getHost() == null) {
            throw new IllegalArgumentException("S3 endpoint must be an http or https URL with a host: " + endpoint);
        }
        requireText(region, "region");
        requireText(bucket, "bucket");
        requireText(accessKey, "accessKey");
        requireText(secretKey, "secretKey");
        keyPrefix = stripSlashes(keyPrefix == null ? "" : keyPrefix.trim());
    }

    /**
     * Reads {@value #ENDPOINT}, {@value #REGION} (default {@value #DEFAULT_REGION}), {@value #BUCKET},
     * {@value #ACCESS_KEY}, {@value #SECRET_KEY} and {@value #PREFIX} (default empty).
     *
     * @return empty when {@value #ENDPOINT} is not set (no object store configured)
     * @throws IllegalArgumentException naming the variable, when the endpoint is set but another required variable
     *                                  is missing or a value is malformed
     */
    public static Optional<S3Config> fromEnvironment(Map<String, String> env) {
        String endpoint = value(env, ENDPOINT);
        if (endpoint == null) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(endpoint);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(ENDPOINT + " is not a URL: " + endpoint, e);
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException(ENDPOINT + " must be an http or https URL with a host: " + endpoint);
        }
        String region = value(env, REGION);
        String prefix = value(env, PREFIX);
        return Optional.of(new S3Config(uri, region == null ? DEFAULT_REGION : region, required(env, BUCKET),
                required(env, ACCESS_KEY), required(env, SECRET_KEY), prefix == null ? "" : prefix));
    }

    @Override
    public String toString() {
        return "S3Config[endpoint=" + endpoint + ", region=" + region + ", bucket=" + bucket + ", accessKey="
                + accessKey + ", secretKey=***, keyPrefix=" + keyPrefix + "]";
    }

    private static String value(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    private static String required(Map<String, String> env, String name) {
        String v = value(env, name);
        if (v == null) {
            throw new IllegalArgumentException(name + " is not set (required when " + ENDPOINT + " is set)");
        }
        return v;
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("S3 " + what + " must not be empty");
        }
    }

    private static String stripSlashes(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && s.charAt(from) == '/') {
            from++;
        }
        while (to > from && s.charAt(to - 1) == '/') {
            to--;
        }
        return s.substring(from, to);
    }
}
