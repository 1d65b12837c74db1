package dev.weir.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A generated part of a hand-written document, between a begin marker (matched by its prefix, so its wording may
 * change) and an end marker: a benchmark rewrites only that part, and the prose around it survives every run.
 */
public final class GeneratedSection {
    private GeneratedSection() {
    }

    /**
     * Replaces the section of {@code file} that starts with {@code beginPrefix} and ends with {@code end} by
     * {@code section} (markers included); appends {@code section} if the file has none, creates the file if missing.
     */
    public static void update(Path file, String beginPrefix, String end, String section) throws IOException {
        String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "# Benchmarks\n\n";
        int begin = text.indexOf(beginPrefix);
        int stop = begin < 0 ? -1 : text.indexOf(end, begin);
        String updated;
        if (begin >= 0 && stop >= 0) {
            int after = stop + end.length();
            if (after < text.length() && text.charAt(after) == '\n') {
                after++;
            }
            updated = text.substring(0, begin) + section + text.substring(after);
        } else {
            updated = text + (text.endsWith("\n") ? "\n" : "\n\n") + section;
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, updated, StandardCharsets.UTF_8);
    }
}
