package dev.weir.runtime.checkpoint.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class S3ConfigTest {
    static Map<String, String> complete() {
        Map<String, String> env = new HashMap<>();
        env.put("WEIR_S3_ENDPOINT", "http://127.0.0.1:19000");
        env.put("WEIR_S3_BUCKET", "weir-checkpoints");
        env.put("WEIR_S3_ACCESS_KEY", "weir");
        env.put("WEIR_S3_SECRET_KEY", "weir-dev-secret");
        return env;
    }

    @Test
    void noEndpointMeansNoObjectStore() {
        assertThat(S3Config.fromEnvironment(Map.of())).isEmpty();
        assertThat(S3Config.fromEnvironment(Map.of("WEIR_S3_ENDPOINT", " ", "WEIR_S3_BUCKET", "b"))).isEmpty();
    }

    @Test
    void readsEveryVariableWithDefaultsForRegionAndPrefix() {
        assertThat(S3Config.fromEnvironment(complete())).contains(new S3Config(URI.create("http://127.0.0.1:19000"),
                "us-east-1", "weir-checkpoints", "weir", "weir-dev-secret", ""));
        Map<String, String> env = complete();
        env.put("WEIR_S3_REGION", "eu-west-1");
        env.put("WEIR_S3_PREFIX", "/prod/weir/");
        S3Config config = S3Config.fromEnvironment(env).orElseThrow();
        assertThat(config.region()).isEqualTo("eu-west-1");
        assertThat(config.keyPrefix()).isEqualTo("prod/weir");
    }

    @Test
    void aMissingVariableIsNamed() {
        for (String name : new String[] {"WEIR_S3_BUCKET", "WEIR_S3_ACCESS_KEY", "WEIR_S3_SECRET_KEY"}) {
            Map<String, String> env = complete();
            env.remove(name);
            assertThatThrownBy(() -> S3Config.fromEnvironment(env))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(name + " is not set (required when WEIR_S3_ENDPOINT is set)");
        }
    }

    @Test
    void aMalformedEndpointIsNamed() {
        Map<String, String> env = complete();
        env.put("WEIR_S3_ENDPOINT", "127.0.0.1:19000");
        assertThatThrownBy(() -> S3Config.fromEnvironment(env))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("WEIR_S3_ENDPOINT");
        env.put("WEIR_S3_ENDPOINT", "http://bad host");
        assertThatThrownBy(() -> S3Config.fromEnvironment(env))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("WEIR_S3_ENDPOINT");
    }

    @Test
    void toStringNeverShowsTheSecret() {
        String text = S3Config.fromEnvironment(complete()).orElseThrow().toString();
        assertThat(text).doesNotContain("weir-dev-secret").contains("secretKey=***").contains("accessKey=weir")
                .contains("http://127.0.0.1:19000").contains("weir-checkpoints");
    }
}
