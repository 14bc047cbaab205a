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
     * with the same serial and the same data changes nothing. Data changed under the same serial (a
     * zone published again once its signatures are made) is folded into the difference that led to
     * that serial, so a client holding the older serial still gets one difference that applies to
     * what it holds. Without such a difference, or when the serial went back, the history starts again.
     */
    ZoneHistory next(ZoneVersion version, int depth) {
        if (version.served() == current.served() && version.signedBy() == current.signedBy()) {
            return this;
        }
        Diff diff = version.since(current);
        if (version.serial() == current.serial()) {
            if (diff.isEmpty()) {
                return new ZoneHistory(version, diffs);
            }
            if (!diffs.isEmpty()) {
                List<Diff> folded = new ArrayList<>(diffs);
                folded.set(folded.size() - 1, Diff.condense(List.of(folded.get(folded.size() - 1), diff)));
                return new ZoneHistory(version, List.copyOf(folded));
            }
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
