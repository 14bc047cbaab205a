package dev.caadns.testsupport;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** A missing referee skips a test on a workstation and fails it in CI, naming the package to install. */
class CommandTest {
    private static final String NOWHERE = "/nonexistent-caadns-test";

    @Test
    void aMissingRefereeFailsUnderCiWithThePackageToInstall() {
        assertThatThrownBy(() -> Command.require("knotd", "knot", Map.of("CI", "true", "PATH", NOWHERE)))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("knotd is not installed")
                .hasMessageContaining("apt-get install knot");
    }

    @Test
    void aMissingRefereeIsASkipOutsideCi() {
        assertThatThrownBy(() -> Command.require("/usr/sbin/no-such-knotd", "knot", Map.of("PATH", NOWHERE)))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("apt-get install knot");
    }

    @Test
    void anInstalledToolPasses() {
        assertThatCode(() -> Command.require("sh", "dash", Map.of("CI", "true", "PATH", "/usr/bin:/bin")))
                .doesNotThrowAnyException();
    }
}
