package dev.caadns.dnssec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.Name;

/**
 * The keys of every signed zone, read from the key folder on first use, or made there when a zone
 * has none yet; kept for the life of the process, so a restart signs with the same keys.
 */
final class KeyRing {
    private static final Logger log = LoggerFactory.getLogger(KeyRing.class);

    private final KeyFiles files;
    private final Algorithm algorithm;
    private final boolean splitKeys;
    private final Map<Name, ZoneKeys> keys = new HashMap<>();

    KeyRing(KeyFiles files, Algorithm algorithm, boolean splitKeys) {
        this.files = files;
        this.algorithm = algorithm;
        this.splitKeys = splitKeys;
    }

    synchronized ZoneKeys of(Name zone) {
        ZoneKeys known = keys.get(zone);
        if (known != null) {
            return known;
        }
        try {
            List<ZoneKey> found = files.load(zone);
            if (found.isEmpty()) {
                found = splitKeys
                        ? List.of(files.generate(zone, algorithm, true), files.generate(zone, algorithm, false))
                        : List.of(files.generate(zone, algorithm, true));
                log.info("zone {}: made {} in {}", zone, found, files.directory());
            } else {
                log.info("zone {}: signing with {} from {}", zone, found, files.directory());
            }
            ZoneKeys made = new ZoneKeys(zone, found);
            keys.put(zone, made);
            return made;
        } catch (IOException e) {
            throw new UncheckedIOException("zone " + zone + ": cannot read or make its keys in "
                    + files.directory() + ": " + e.getMessage(), e);
        }
    }
}
