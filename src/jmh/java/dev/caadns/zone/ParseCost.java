package dev.caadns.zone;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import org.xbill.DNS.Name;

/**
 * What parsing a zone file costs the loading thread: CPU seconds and bytes allocated by
 * {@link MasterFileParser#parse}, a cold first run and then warm ones in the same JVM. A tool for
 * benchmarks (run it pinned, {@code taskset -c 0}), not a test: CPU and allocation, which a busy
 * machine distorts far less than wall time. The process's CPU adds the JIT's and the collector's.
 *
 * Run by {@code benchmarks/parse-cost}: {@code ParseCost FILE [RUNS] [load]}; with {@code load}, it
 * times the whole {@code ZoneLoader.load} (checks and index, no validators) instead.
 */
public final class ParseCost {

    private ParseCost() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        boolean whole = args.length > 2 && args[2].equals("load");
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long id = Thread.currentThread().getId();
        for (int run = 1; run <= runs; run++) {
            long cpu = threads.getCurrentThreadCpuTime();
            long processCpu = os.getProcessCpuTime();
            long bytes = threads.getThreadAllocatedBytes(id);
            long wall = System.nanoTime();
            String counted;
            if (whole) {
                counted = new ZoneLoader(LoadOptions.defaults(), java.util.List.of()).load(file, null).recordCount()
                        + " records";
            } else {
                RecordStore store = MasterFileParser.parse(file, null, Name.root, LoadOptions.defaults()).store();
                counted = store.size() + " records, " + store.nodeCount() + " names"; // names: all looked up
            }
            System.out.printf("run %d%s: %.3f CPU s (process %.3f), %.1f MB allocated, %.3f wall s, %s%n",
                    run, run == 1 ? " (cold)" : "", (threads.getCurrentThreadCpuTime() - cpu) / 1e9,
                    (os.getProcessCpuTime() - processCpu) / 1e9,
                    (threads.getThreadAllocatedBytes(id) - bytes) / 1e6, (System.nanoTime() - wall) / 1e9,
                    counted);
        }
        printThreadCpu();
    }

    /** CPU of the JVM's own threads (JIT compilers, the collector in "VM Thread"), from Linux's /proc. */
    private static void printThreadCpu() throws java.io.IOException {
        java.util.Map<String, Double> byName = new java.util.TreeMap<>();
        try (java.util.stream.Stream<Path> tasks = java.nio.file.Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                String stat = java.nio.file.Files.readString(task.resolve("stat"));
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("\\d+$", "");
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                double seconds = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0; // clock ticks
                byName.merge(name, seconds, Double::sum);
            }
        }
        byName.values().removeIf(seconds -> seconds < 0.01);
        System.out.println("process threads' CPU s: " + byName);
    }
}
