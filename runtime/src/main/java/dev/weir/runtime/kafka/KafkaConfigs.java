package dev.weir.runtime.kafka;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Validation shared by the source and sink configs. */
final class KafkaConfigs {
    private static final Pattern TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

    private KafkaConfigs() {
    }

    static void requireBootstrap(String what, String bootstrapServers) {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException(what + ": bootstrapServers must be set (host:port[,host:port...])");
        }
        for (String server : bootstrapServers.split(",")) {
            String s = server.trim();
            int colon = s.lastIndexOf(':');
            if (colon <= 0 || colon == s.length() - 1 || !s.substring(colon + 1).chars().allMatch(Character::isDigit)) {
                throw new IllegalArgumentException(what + ": bootstrap server '" + s + "' is not host:port");
            }
        }
    }

    static void requireTopic(String what, String field, String topic) {
        if (topic == null || !TOPIC.matcher(topic).matches() || topic.equals(".") || topic.equals("..")) {
            throw new IllegalArgumentException(what + ": " + field + " '" + topic
                    + "' is not a valid Kafka topic name (1-249 of [a-zA-Z0-9._-])");
        }
    }

    static void requirePositive(String what, String field, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + ": " + field + " must be a positive duration, was " + d);
        }
    }

    static void requireNotOverridden(String what, Map<String, String> properties, Set<String> fixed) {
        for (String key : properties.keySet()) {
            if (fixed.contains(key)) {
                throw new IllegalArgumentException(what + ": client property '" + key
                        + "' is set by Weir and cannot be overridden (fixed: " + fixed + ")");
            }
        }
    }
}
