package dev.caadns.transfer;

import dev.caadns.zone.Serial;
import java.util.ArrayList;
import java.util.List;

/**
 * A zone's current version and the differences that lead to it from older serials, at most depth of
 * them (oldest first). Immutable: each new version makes a new history.
 */
record ZoneHistory(ZoneVersion current, List<Diff> diffs) {
    static ZoneHistory of(ZoneVersion first) {
        return new ZoneHistory(first, List.of());
    }

    /**
     * The history with a new version on top. A version with a later serial adds its difference; one
     * with the same serial and the same data changes nothing; any other (data changed under the same
     * serial, or a serial that went back) starts the history again, so no client gets a difference
     * that does not apply to what it holds.
     */
    ZoneHistory next(ZoneVersion version, int depth) {
        if (version.served() == current.served() && version.signedBy() == current.signedBy()) {
            return this;
        }
        Diff diff = version.since(current);
        if (version.serial() == current.serial() && diff.isEmpty()) {
            return new ZoneHistory(version, diffs);
        }
        if (!Serial.isAfter(version.serial(), current.serial())) {
            return of(version);
        }
        List<Diff> next = new ArrayList<>(diffs);
        next.add(diff);
        while (next.size() > depth) {
            next.remove(0);
        }
        return new ZoneHistory(version, List.copyOf(next));
    }

    /** The differences from the client's serial to the current version, or null when history does not reach back. */
    List<Diff> since(long clientSerial) {
        for (int i = 0; i < diffs.size(); i++) {
            if (diffs.get(i).fromSerial() == clientSerial) {
                return diffs.subList(i, diffs.size());
            }
        }
        return null;
    }

    /** Serials a client may hold and get an incremental transfer from. */
    int depth() {
        return diffs.size();
    }
}
