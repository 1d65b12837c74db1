package dev.weir.runtime.state.rocksdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/** File work around RocksDB directories: directory names for operators, restoring checkpoint files, deleting. */
final class CheckpointFiles {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]+");

    private CheckpointFiles() {
    }

    /**
     * The directory name of {@code operator}'s state: the name itself if it is made of {@code [A-Za-z0-9._-]} only,
     * else those characters with {@code _} for the others plus {@code -} and a CRC-32 of the name, so that two
     * operator names never share a directory.
     */
    static String directoryName(String operator) {
        if (SAFE.matcher(operator).matches() && !operator.equals(".") && !operator.equals("..")) {
            return operator;
        }
        CRC32 crc = new CRC32();
        crc.update(operator.getBytes(StandardCharsets.UTF_8));
        return operator.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + String.format("%08x", crc.getValue());
    }

    /**
     * Fills the empty directory {@code target} with the files of the checkpoint in {@code source}: immutable table
     * files ({@code *.sst}, {@code *.blob}) as hard links when both are on one file system (no copy), copies
     * otherwise; every other file (MANIFEST, CURRENT, OPTIONS, logs), which RocksDB may rewrite, as a copy.
     *
     * @return the names of the files, sorted
     */
    static List<String> populate(Path source, Path target) {
        List<String> names = list(source);
        try {
            Files.createDirectories(target);
            for (String name : names) {
                Path from = source.resolve(name);
                Path to = target.resolve(name);
                if (name.endsWith(".sst") || name.endsWith(".blob")) {
                    try {
                        Files.createLink(to, from);
                        continue;
                    } catch (UnsupportedOperationException | FileSystemException e) {
                        // another file system, or no hard links: copy
                    }
                }
                Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restore RocksDB files from " + source + " into " + target, e);
        }
        return names;
    }

    /** The names of the regular files in {@code directory}, sorted. */
    static List<String> list(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            List<String> names = new ArrayList<>();
            files.filter(Files::isRegularFile).forEach(p -> names.add(p.getFileName().toString()));
            names.sort(null);
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
    }

    /** Deletes {@code path} and everything under it, if it exists. */
    static void deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> all = Files.walk(path)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path, e);
        }
    }
}
