package dev.caadns.zone;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import org.xbill.DNS.Name;

/**
 * Loads one zone file a few times as {@link ZoneLoader#load} does (validators aside) and prints
 * each phase's CPU: parsing, each load check, the index build, and the full collection a server
 * runs before answering. Thread CPU time, which a busy machine distorts far less than wall time;
 * the collections' counts and times come from the JVM's collector beans (wall ms). Run by
 * benchmarks/load-phases.
 */
public final class LoadPhases {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private LoadPhases() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: LoadPhases ZONE-FILE [ROUNDS]");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Name fallback = ZoneLoader.fileNameOrigin(file);
        for (int round = 1; round <= rounds; round++) {
            long countBefore = collections(GarbageCollectorMXBean::getCollectionCount);
            long msBefore = collections(GarbageCollectorMXBean::getCollectionTime);
            long start = cpuNanos();
            MasterFileParser.Result parsed = MasterFileParser.parse(file, null, fallback, LoadOptions.defaults());
            long parsedAt = cpuNanos();
            List<Finding> findings = new ArrayList<>(parsed.findings());
            StringJoiner checks = new StringJoiner(" ");
            for (LoadCheck check : ZoneLoader.checks(file.toString())) {
                long before = cpuNanos();
                check.apply(parsed.origin(), parsed.store(), findings);
                checks.add(check.getClass().getSimpleName() + "=" + millis(cpuNanos() - before));
            }
            long checkedAt = cpuNanos();
            LoadedZone zone = new LoadedZone(parsed.origin(), file, parsed.store(), findings, 0);
            long builtAt = cpuNanos();
            long count = collections(GarbageCollectorMXBean::getCollectionCount) - countBefore;
            long ms = collections(GarbageCollectorMXBean::getCollectionTime) - msBefore;
            parsed = null;
            long process = processCpuNanos();
            System.gc(); // the serial collector collects on this thread's request in the VM thread
            long fullGc = processCpuNanos() - process;
            System.out.printf("round %d: parse %d ms, checks %d ms (%s), build %d ms, full gc %d ms CPU;"
                            + " %d names, %d records; collections during the load %d (%d ms)%n",
                    round, millis(parsedAt - start), millis(checkedAt - parsedAt), checks,
                    millis(builtAt - checkedAt), millis(fullGc), zone.index().nameCount(),
                    zone.recordCount(), count, ms);
            zone = null;
            System.gc();
        }
    }

    private static long cpuNanos() {
        return THREADS.getCurrentThreadCpuTime();
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }

    /** Collections so far, or their time in ms, over every collector. */
    private static long collections(java.util.function.ToLongFunction<GarbageCollectorMXBean> what) {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(what).sum();
    }
}
