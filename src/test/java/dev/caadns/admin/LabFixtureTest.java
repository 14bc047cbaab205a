package dev.caadns.admin;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A test class whose every test gets its own {@link LabFixture}: a fresh server, zone and API. */
abstract class LabFixtureTest {
    @TempDir
    Path dir;
    LabFixture lab;

    @BeforeEach
    void startLab() throws Exception {
        lab = start(dir);
    }

    @AfterEach
    void stopLab() {
        lab.close();
    }

    /** The fixture each test gets: the stand-in plugins unless a class needs others. */
    LabFixture start(Path dir) throws Exception {
        return new LabFixture(dir);
    }
}
