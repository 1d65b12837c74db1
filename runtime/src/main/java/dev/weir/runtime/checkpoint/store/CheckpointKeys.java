package dev.weir.runtime.checkpoint.store;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The object keys of one task's checkpoints:
 * <pre>
 * &lt;taskPrefix&gt;/shared/&lt;sha256&gt;                 file contents, shared by the checkpoints that contain them
 * &lt;taskPrefix&gt;/checkpoints/&lt;name&gt;/metadata       the checkpoint's metadata (engine snapshot)
 * &lt;taskPrefix&gt;/checkpoints/&lt;name&gt;/MANIFEST.json  written last: the checkpoint exists iff this does
 * </pre>
 */
final class CheckpointKeys {
    static final String MANIFEST = "MANIFEST.json";
    static final String METADATA = "metadata";
    /** Weir's checkpoint names, {@code chk-<id>-<attempt>}: the id can be read without the manifest. */
    private static final Pattern ID_IN_NAME = Pattern.compile("chk-(\\d{1,18})(?:-.*)?");

    private final String taskPrefix;

    CheckpointKeys(String taskPrefix) {
        this.taskPrefix = checkPrefix(taskPrefix, "task prefix");
    }

    String taskPrefix() {
        return taskPrefix;
    }

    String sharedPrefix() {
        return taskPrefix + "/shared/";
    }

    String shared(String sha256) {
        return sharedPrefix() + sha256;
    }

    String checkpointsPrefix() {
        return taskPrefix + "/checkpoints/";
    }

    /** The "folder" of one checkpoint, ending with {@code /}. */
    String folder(String name) {
        return checkpointsPrefix() + checkName(name) + "/";
    }

    String manifest(String name) {
        return folder(name) + MANIFEST;
    }

    String metadata(String name) {
        return folder(name) + METADATA;
    }

    /** The checkpoint name of a key under {@link #checkpointsPrefix()}, if it has one. */
    Optional<String> nameOf(String key) {
        if (!key.startsWith(checkpointsPrefix())) {
            return Optional.empty();
        }
        String rest = key.substring(checkpointsPrefix().length());
        int slash = rest.indexOf('/');
        return slash <= 0 ? Optional.empty() : Optional.of(rest.substring(0, slash));
    }

    /** Whether {@code key} is the manifest key of a checkpoint folder. */
    boolean isManifest(String key) {
        return nameOf(key).map(name -> key.equals(manifest(name))).orElse(false);
    }

    /** The id in a name of the form {@code chk-<id>[-<anything>]}; empty for other names. */
    static OptionalLong idInName(String name) {
        Matcher m = ID_IN_NAME.matcher(name);
        return m.matches() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
    }

    /** A checkpoint name is one key segment: not empty, no {@code /}, not {@code .} or {@code ..}. */
    static String checkName(String name) {
        if (name == null || name.isBlank() || name.contains("/") || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("bad checkpoint name '" + name + "'");
        }
        return name;
    }

    /** A key prefix: {@code /}-separated non-empty segments, without leading or trailing {@code /}. */
    static String checkPrefix(String prefix, String what) {
        if (prefix == null || prefix.isEmpty() || prefix.startsWith("/") || prefix.endsWith("/")
                || prefix.contains("//") || prefix.contains("\\")) {
            throw new IllegalArgumentException("bad " + what + " '" + prefix + "'");
        }
        for (String segment : prefix.split("/")) {
            if (segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("bad " + what + " '" + prefix + "'");
            }
        }
        return prefix;
    }
}
