package dev.caadns.zone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A zone file that cannot be read is one finding in the user's words: which file, where it was looked for. */
class UnreadableFileTest {
    @TempDir
    Path dir;

    @Test
    void aMissingFileSaysWhereItWasLookedFor() {
        LoadedZone zone = new ZoneLoader(LoadOptions.defaults(), List.of()).load(dir.resolve("lab.test.zone"), null);

        assertThat(zone.findings()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("Z-FILE");
            assertThat(f.message()).isEqualTo("no such file: " + dir.resolve("lab.test.zone") + " (looked in " + dir + ")");
        });
    }

    @Test
    void aFolderInPlaceOfTheFileIsSaidSo() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("lab.test.zone"));

        LoadedZone zone = new ZoneLoader(LoadOptions.defaults(), List.of()).load(folder, null);

        assertThat(zone.findings()).singleElement().satisfies(f ->
                assertThat(f.message()).isEqualTo(folder + " is a folder, not a zone file")
                        .doesNotContain("Exception", "java."));
    }
}
