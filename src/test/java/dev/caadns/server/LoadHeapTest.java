package dev.caadns.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.HotSpotDiagnosticMXBean;
import dev.caadns.zone.LoadOptions;
import dev.caadns.zone.LoadedZone;
import dev.caadns.zone.ZoneLoader;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The heap's free ratios while zones load, and after. */
class LoadHeapTest {
    private static final HotSpotDiagnosticMXBean VM = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);

    @Test
    void aLargeLoadRunsWithMostOfTheHeapLeftFreeAndNothingGivenBackThenTheRatiosReturn() throws Exception {
        List<String> before = ratios();
        AtomicReference<List<String>> during = new AtomicReference<>();
        ServedZones zones = new ServedZones(ServedZones.Source.sized(() -> {
            during.set(ratios());
            return List.<LoadedZone>of();
        }, () -> LoadHeap.LARGE_LOAD_BYTES));

        zones.load();

        assertThat(during.get()).containsExactly(LoadHeap.LOADING_MIN_FREE, "100");
        assertThat(ratios()).isEqualTo(before);
    }

    @Test
    void aLargeReloadWhileZonesAreServedLeavesLessFreeThanTheFirstLoad(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("one.test.zone"),
                "$TTL 300\n@ SOA ns hostmaster 1 3600 600 86400 300\n@ NS ns\nns A 192.0.2.1\n");
        ZoneLoader loader = new ZoneLoader(LoadOptions.defaults(), List.of());
        List<String> before = ratios();
        List<List<String>> during = new ArrayList<>();
        ServedZones zones = new ServedZones(ServedZones.Source.sized(() -> {
            during.add(ratios());
            return loader.loadDirectory(dir);
        }, () -> LoadHeap.LARGE_LOAD_BYTES));

        zones.load();
        long collections = collections();
        zones.load();

        assertThat(collections()).as("the reload grows the heap in one collection first").isGreaterThan(collections);
        assertThat(during).containsExactly(List.of(LoadHeap.LOADING_MIN_FREE, "100"),
                List.of(LoadHeap.REPLACING_MIN_FREE, "100"));
        assertThat(Integer.parseInt(LoadHeap.REPLACING_MIN_FREE)).isLessThan(Integer.parseInt(LoadHeap.LOADING_MIN_FREE));
        assertThat(ratios()).isEqualTo(before);
    }

    @Test
    void aSmallLoadLeavesTheRatiosAlone() throws Exception {
        List<String> before = ratios();
        AtomicReference<List<String>> during = new AtomicReference<>();
        ServedZones zones = new ServedZones(ServedZones.Source.sized(() -> {
            during.set(ratios());
            return List.<LoadedZone>of();
        }, () -> LoadHeap.LARGE_LOAD_BYTES - 1));

        zones.load();

        assertThat(during.get()).isEqualTo(before);
    }

    @Test
    void aLoadThatFailsRestoresTheRatiosToo() {
        List<String> before = ratios();
        ServedZones zones = new ServedZones(ServedZones.Source.sized(() -> {
            throw new java.io.IOException("no such folder");
        }, () -> LoadHeap.LARGE_LOAD_BYTES));

        org.assertj.core.api.Assertions.assertThatIOException().isThrownBy(zones::load);

        assertThat(ratios()).isEqualTo(before);
    }

    private static long collections() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionCount).sum();
    }

    private static List<String> ratios() {
        return List.of(VM.getVMOption("MinHeapFreeRatio").getValue(), VM.getVMOption("MaxHeapFreeRatio").getValue());
    }
}
