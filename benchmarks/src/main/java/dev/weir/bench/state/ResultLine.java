package dev.weir.bench.state;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One line a forked JVM prints for its parent: {@code TAG key=value key=value ...}, values URL-encoded so they hold
 * no spaces. Anything else the child prints is progress.
 */
final class ResultLine {
    private ResultLine() {
    }

    static String format(String tag, Map<String, ?> fields) {
        StringBuilder sb = new StringBuilder(tag);
        fields.forEach((k, v) -> sb.append(' ').append(k).append('=')
                .append(URLEncoder.encode(String.valueOf(v), StandardCharsets.UTF_8)));
        return sb.toString();
    }

    /** The fields of {@code line} if it starts with {@code tag} and a space (or is just the tag). */
    static Optional<Map<String, String>> parse(String tag, String line) {
        if (!line.equals(tag) && !line.startsWith(tag + " ")) {
            return Optional.empty();
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String part : line.substring(tag.length()).trim().split(" ")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("malformed field '" + part + "' in: " + line);
            }
            fields.put(part.substring(0, eq), URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return Optional.of(fields);
    }

    static long longField(Map<String, String> fields, String key) {
        String v = fields.get(key);
        if (v == null) {
            throw new IllegalArgumentException("missing field '" + key + "' in " + fields);
        }
        return Long.parseLong(v);
    }
}
