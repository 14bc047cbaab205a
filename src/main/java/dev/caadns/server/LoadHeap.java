package dev.caadns.server;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The heap's policy while zones load. Serving needs a heap barely larger than the zones, so the
 * launcher keeps little free heap (MinHeapFreeRatio 5, MaxHeapFreeRatio 10); a load, though, grows
 * the heap from nothing to the zones' size, and the serial collector grows it only at a full
 * collection, by that ratio: 21 full collections of everything loaded so far for a 1M-name zone.
 * While a load runs each full collection leaves half the heap free instead (the heap doubles, a
 * handful of full collections), and nothing is given back; afterwards the launcher's ratios return,
 * and the collection the caller runs once the load is done gives the excess back. Both ratios are
 * manageable flags, changed at runtime; where the JVM does not have them, loads run as they are.
 */
final class LoadHeap implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LoadHeap.class);
    /** Free heap a full collection leaves while loading: 40-90 cost the same CPU on the 1M zone, 5 cost 40% more. */
    static final String LOADING_MIN_FREE = "50";
    /** 8 MiB of zone text, ~250,000 records: below it a load is over before the heap's steps matter. */
    static final long LARGE_LOAD_BYTES = 8L << 20;
    private static final String MIN = "MinHeapFreeRatio";
    private static final String MAX = "MaxHeapFreeRatio";

    private final HotSpotDiagnosticMXBean vm;
    private final String min;
    private final String max;

    private LoadHeap(HotSpotDiagnosticMXBean vm, String min, String max) {
        this.vm = vm;
        this.min = min;
        this.max = max;
    }

    /** True for a load large enough to be worth the policy (reaching the JVM's flags costs ~25 ms). */
    static boolean isLarge(long zoneBytes) {
        return zoneBytes >= LARGE_LOAD_BYTES;
    }

    /**
     * Sets the loading ratios until {@link #close()} for a load of that much zone text (nothing for a
     * small one); a load inside another keeps the outer one's.
     */
    static LoadHeap around(long zoneBytes) {
        if (!isLarge(zoneBytes)) {
            return new LoadHeap(null, null, null);
        }
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        try {
            String min = vm.getVMOption(MIN).getValue();
            String max = vm.getVMOption(MAX).getValue();
            // Max first: the JVM refuses a minimum above the maximum
            vm.setVMOption(MAX, "100");
            vm.setVMOption(MIN, LOADING_MIN_FREE);
            return new LoadHeap(vm, min, max);
        } catch (RuntimeException e) {
            log.debug("heap ratios not changed for the load: {}", e.toString());
            return new LoadHeap(null, null, null);
        }
    }

    /** The ratios as they were: the next full collection shrinks the heap to what they allow. */
    @Override
    public void close() {
        if (vm == null) {
            return;
        }
        try {
            vm.setVMOption(MIN, min);
            vm.setVMOption(MAX, max);
        } catch (RuntimeException e) {
            log.warn("cannot restore the heap's free ratios after loading: {}", e.toString());
        }
    }
}
