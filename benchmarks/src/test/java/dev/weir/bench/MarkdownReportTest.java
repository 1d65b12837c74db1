package dev.weir.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkdownReportTest {
    @TempDir
    Path dir;

    @Test
    void updateReplacesOnlyTheGeneratedSection() throws Exception {
        Path doc = dir.resolve("benchmarks.md");
        Files.writeString(doc, "# Title\n\nprose before\n\n" + MarkdownReport.BEGIN + "\nold\n" + MarkdownReport.END
                + "\n\nprose after\n");

        MarkdownReport.update(doc, MarkdownReport.BEGIN + "\nnew\n" + MarkdownReport.END + "\n");

        assertThat(Files.readString(doc)).isEqualTo("# Title\n\nprose before\n\n" + MarkdownReport.BEGIN + "\nnew\n"
                + MarkdownReport.END + "\n\nprose after\n");
    }

    @Test
    void updateAppendsASectionToADocumentWithoutOne() throws Exception {
        Path doc = dir.resolve("benchmarks.md");
        Files.writeString(doc, "# Title\n");

        MarkdownReport.update(doc, "SECTION\n");

        assertThat(Files.readString(doc)).isEqualTo("# Title\n\nSECTION\n");
    }
}
