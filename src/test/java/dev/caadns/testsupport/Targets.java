package dev.caadns.testsupport;

import java.nio.file.Path;
import java.util.Map;
import org.xbill.DNS.Name;

/**
 * Where the differential and behaviour tests get their servers. The server under test is chosen in
 * {@link #underTest} alone; {@code -Dcaadns.target=knot|nsd} overrides it for one run.
 */
public final class Targets {
    private static final String DEFAULT_UNDER_TEST = "caadns";

    private Targets() {
    }

    public static DnsTarget underTest(Path workDir, Map<Name, Path> zones) {
        String target = System.getProperty("caadns.target", DEFAULT_UNDER_TEST);
        switch (target) {
            case "knot":
                return KnotServer.start(workDir, zones);
            case "nsd":
                return NsdServer.start(workDir, zones);
            case "caadns":
                return CaadnsTarget.start(zones);
            default:
                throw new IllegalArgumentException("unknown caadns.target " + target + " (caadns, knot, nsd)");
        }
    }

    /** The referee of the differential test: Knot DNS. */
    public static DnsTarget referee(Path workDir, Map<Name, Path> zones) {
        return KnotServer.start(workDir, zones);
    }

    /** Stops every target started (nulls skipped: a peer that is not installed was never started). */
    public static void closeAll(DnsTarget... targets) {
        for (DnsTarget target : targets) {
            if (target == null) {
                continue;
            }
            try {
                target.close();
            } catch (Exception e) {
                throw new IllegalStateException("stopping " + target.name() + ": " + e.getMessage(), e);
            }
        }
    }
}
