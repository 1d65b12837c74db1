package dev.weir.runtime.checkpoint.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileDigestsTest {
    @TempDir
    Path dir;

    @Test
    void aHardLinkedSstFileOfTheNextCheckpointIsNotHashedAgainButAChangedOrOtherFileIs() throws Exception {
        Path sst = Files.writeString(dir.resolve("000012.sst"), "sorted strings");
        Path manifest = Files.writeString(dir.resolve("MANIFEST-000005"), "edits");
        FileDigests digests = new FileDigests();
        ContentDigest first = digests.of(sst);
        digests.of(manifest);
        assertThat(digests.endUpload()).isZero();

        Path next = Files.createDirectories(dir.resolve("chk-2"));
        Path link = Files.createLink(next.resolve("000012.sst"), sst);
        assertThat(digests.of(link)).isEqualTo(first).isEqualTo(ContentDigest.of(sst));
        assertThat(digests.of(manifest)).isEqualTo(ContentDigest.of(manifest));
        assertThat(digests.endUpload()).as("only the linked SST file was not hashed again").isEqualTo(1);

        Files.writeString(sst, "rewritten, longer than before");
        Files.setLastModifiedTime(sst, FileTime.fromMillis(Files.getLastModifiedTime(sst).toMillis() + 5_000));
        assertThat(digests.of(link)).isEqualTo(ContentDigest.of(sst)).isNotEqualTo(first);
        assertThat(digests.endUpload()).isZero();
    }
}
