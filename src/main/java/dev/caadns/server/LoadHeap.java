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
 * While a load runs each full collection leaves 90% of the heap free instead (the heap grows
 * tenfold: the 1M-name zone's start makes 2 such collections before the last, where it made 6 at
 * 50%), and nothing is given back; afterwards the launcher's ratios return, and the collection the
 * caller runs once the load is done gives the excess back. The heap grown is address space: the
 * loader touches only what it fills. Both ratios are manageable flags, changed at runtime; where
 * the JVM does not have them, loads run as they are.
 *
 * <p>A load that replaces zones being served (a reload, a large zone rebuilt for a runtime change)
 * leaves less free: the served index is live through it, so the loading ratio would leave free a
 * share of the old index and the new one together, a step the size of a whole index that the
 * young collections then fill with the loader's promoted garbage before the next full collection.
 * The 1M-name zone's reload peaked at 827 MiB with 50, 767 with 30, 737 with 25, 702 with 20 and
 * 671-704 with 15 and 10 (RSS, one reload each, steady 290-295 MiB), for 4, 6, 8, 10 and 12 full
 * collections.
 *
 * <p>Each of those full collections marks the served index too (~4M objects for the 1M-name zone,
 * 0.36-0.55 s each, 2.7 of a reload's 5.6 s, before the index was walked in allocation order). So a
 * replacing load first grows the heap in one collection, to leave {@link #REPLACING_GROWTH}% free,
 * room for most of the new index and the loader's arrays, and then leaves 20% free at any later
 * one: the 1M-name zone's reload took
 * 4.2-4.5 s at a peak of 557 MiB, against 5.0-5.1 s and 570 MiB without the step (no query load,
 * two reloads each; 50: 4.7-4.8 s, 554 MiB; 65: 4.3-4.5 s, 591 MiB; 70: 4.0 s, 594 MiB, as the
 * loader's garbage then stays in the heap until the load is over).
 *
 * <p>Plugins that build large structures at start-up (the CAA templates' table rows) take the same
 * policy around their build.
 */
public final class LoadHeap implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LoadHeap.class);
    /**
     * Free heap a full collection leaves while loading. With the launcher's large arrays made in the
     * old generation, it fills early: a 1M-name start collected 0.76 s at 50, 0.59 s at 90 (four
     * interleaved starts each), at the same RSS once loaded.
     */
    static final String LOADING_MIN_FREE = "90";
    /** Free heap a full collection leaves while a load replaces served zones (above: why 20). */
    static final String REPLACING_MIN_FREE = "20";
    /** Free heap the one collection before a replacing load leaves (above: why 60). */
    static final String REPLACING_GROWTH = "60";
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
     *
     * @param replacing true when zones are served meanwhile (their index stays live through the load)
     */
    public static LoadHeap around(long zoneBytes, boolean replacing) {
        if (!isLarge(zoneBytes)) {
            return new LoadHeap(null, null, null);
        }
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        try {
            String min = vm.getVMOption(MIN).getValue();
            String max = vm.getVMOption(MAX).getValue();
            // Max first: the JVM refuses a minimum above the maximum
            vm.setVMOption(MAX, "100");
            if (replacing) {
                vm.setVMOption(MIN, REPLACING_GROWTH);
                System.gc();
            }
            vm.setVMOption(MIN, replacing ? REPLACING_MIN_FREE : LOADING_MIN_FREE);
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
