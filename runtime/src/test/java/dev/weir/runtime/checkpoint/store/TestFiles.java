package dev.weir.runtime.checkpoint.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Local checkpoint directories for tests: write files, read a directory tree back, compare contents. */
final class TestFiles {
    private TestFiles() {
    }

    /** Writes {@code contents} (by relative path) under {@code dir}; returns the files by relative path. */
    static Map<String, Path> write(Path dir, Map<String, byte[]> contents) throws IOException {
        Map<String, Path> files = new TreeMap<>();
        for (Map.Entry<String, byte[]> e : contents.entrySet()) {
            Path file = dir.resolve(e.getKey());
            Files.createDirectories(file.getParent());
            Files.write(file, e.getValue());
            files.put(e.getKey(), file);
        }
        return files;
    }

    static byte[] random(Random random, int size) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        return bytes;
    }

    /** The SHA-256 of every regular file under {@code dir}, by relative path with {@code /} separators. */
    static Map<String, String> digests(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(p).toString().replace('\\', '/'), ContentDigest.of(p).sha256());
            }
        }
        return out;
    }

    static Map<String, String> digestsOf(Map<String, byte[]> contents) {
        Map<String, String> out = new TreeMap<>();
        contents.forEach((path, bytes) -> out.put(path, ContentDigest.of(bytes).sha256()));
        return out;
    }

    /** {@code dir} holds exactly {@code expected}, byte for byte, and nothing else. */
    static void assertHoldsExactly(Path dir, Map<String, byte[]> expected) throws IOException {
        assertThat(digests(dir)).isEqualTo(digestsOf(expected));
    }
}
