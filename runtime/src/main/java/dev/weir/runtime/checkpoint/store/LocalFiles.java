package dev.weir.runtime.checkpoint.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Relative file paths of a checkpoint and the local directory they are restored into. */
final class LocalFiles {
    private LocalFiles() {
    }

    /**
     * Checks a path relative to a checkpoint directory: {@code /}-separated, non-empty segments, none of them
     * {@code .} or {@code ..}, no backslash. Returns it.
     */
    static String checkRelative(String path) {
        if (path == null || path.isEmpty() || path.startsWith("/") || path.contains("\\")) {
            throw new IllegalArgumentException("bad relative file path '" + path + "'");
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("bad relative file path '" + path + "'");
            }
        }
        return path;
    }

    /** The file {@code relative} (checked) names inside {@code dir}. */
    static Path resolve(Path dir, String relative) {
        Path base = dir.toAbsolutePath().normalize();
        Path file = base.resolve(checkRelative(relative)).normalize();
        if (!file.startsWith(base) || file.equals(base)) {
            throw new IllegalArgumentException("file path '" + relative + "' leaves " + dir);
        }
        return file;
    }

    /** Deletes everything inside {@code dir}, keeping {@code dir}; nothing happens if it does not exist. */
    static void deleteContents(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(dir)) {
            paths = walk.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(dir)).toList();
        }
        for (Path p : paths) {
            Files.delete(p);
        }
    }
}
