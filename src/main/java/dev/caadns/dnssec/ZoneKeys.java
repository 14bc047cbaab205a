package dev.caadns.dnssec;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.List;
import org.xbill.DNS.Name;

/**
 * The keys one zone signs with: the SEP keys (KSK, or one combined key) sign the DNSKEY RRset and are
 * what the parent's DS points at; the others (ZSK) sign everything else, or the SEP keys do when a
 * zone has a combined key only. A stray key, never published, serves the {@code rrsig-wrong-key} fault.
 */
final class ZoneKeys {
    private final Name zone;
    private final List<ZoneKey> all;
    private final List<ZoneKey> sep;
    private final List<ZoneKey> zoneSigning;
    private final ZoneKey stray;

    ZoneKeys(Name zone, List<ZoneKey> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("zone " + zone + " has no keys");
        }
        this.zone = zone;
        this.all = List.copyOf(keys);
        this.sep = keys.stream().filter(ZoneKey::isSep).toList();
        List<ZoneKey> others = keys.stream().filter(k -> !k.isSep()).toList();
        this.zoneSigning = others.isEmpty() ? sep : others;
        this.stray = strayLike(zoneSigning.get(0));
    }

    private static ZoneKey strayLike(ZoneKey model) {
        try {
            KeyPair pair = model.algorithm().generate();
            return new ZoneKey(model.zone(), model.flags(), model.algorithm(),
                    model.algorithm().publicKeyField(pair.getPublic()), pair.getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    Name zone() {
        return zone;
    }

    List<ZoneKey> all() {
        return all;
    }

    /** The keys a parent's DS names; every key when a zone has no SEP key. */
    List<ZoneKey> sep() {
        return sep.isEmpty() ? all : sep;
    }

    /** Keys over the DNSKEY RRset. */
    List<ZoneKey> forDnskey() {
        return sep();
    }

    /** Keys over every other RRset. */
    List<ZoneKey> forData() {
        return zoneSigning.isEmpty() ? all : zoneSigning;
    }

    ZoneKey stray() {
        return stray;
    }
}
