package dev.caadns.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.HotSpotDiagnosticMXBean;
import dev.caadns.zone.LoadedZone;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The heap's free ratios while zones load, and after. */
class LoadHeapTest {
    private static final HotSpotDiagnosticMXBean VM = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);

    @Test
    void aLargeLoadRunsWithHalfTheHeapLeftFreeAndNothingGivenBackThenTheRatiosReturn() throws Exception {
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

    private static List<String> ratios() {
        return List.of(VM.getVMOption("MinHeapFreeRatio").getValue(), VM.getVMOption("MaxHeapFreeRatio").getValue());
    }
}
