package dev.caadns.update;

import dev.caadns.answer.ZoneSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;

/**
 * Where updates land: the runtime overlay the management API changes too (server.ServedZones), so
 * both see one store and are serialised by one lock.
 */
public interface UpdateStore extends Supplier<ZoneSet> {
    /** Runs work while nothing else changes the zones (reads inside it see one version); returns its result. */
    <T> T exclusively(Supplier<T> work);

    /**
     * Sets the RRsets (owner, type) to these records, an empty list deleting one, all published in one
     * version or none of them (an exception leaves everything as it was).
     */
    void replaceAll(Map<Name, Map<Integer, List<Record>>> rrsets);
}
