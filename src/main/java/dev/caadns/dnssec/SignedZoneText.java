package dev.caadns.dnssec;

import dev.caadns.zone.Node;
import dev.caadns.zone.RRset;
import dev.caadns.zone.WireName;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;

/**
 * A signed zone written out as a master file, as it is served: the index's records (a file's DS
 * replaced where caadns publishes a child's own), the CAA templates synthesize at existing names,
 * the DNSKEY, DS and NSEC records the signer adds, and every RRSIG. What {@code dnssec-verify} and {@code ldns-verify-zone} check.
 */
final class SignedZoneText {
    private SignedZoneText() {
    }

    static String of(ZoneSignatures zone) {
        List<String> lines = new ArrayList<>();
        zone.forEachSigned((set, rrsigs) -> add(lines, zone.index().find(set.owner(), 0, set.owner().length), set,
                rrsigs));
        return String.join("\n", lines) + "\n";
    }

    private static void add(List<String> lines, Node node, RRset set, RRset rrsigs) {
        Name owner = WireName.toName(node == null ? set.owner() : node.owner());
        for (int i = 0; i < set.size(); i++) {
            lines.add(Record.newRecord(owner, set.type(), DClass.IN, set.ttl(), set.rdata(i)).toString());
        }
        if (rrsigs != null) {
            for (int i = 0; i < rrsigs.size(); i++) {
                lines.add(Record.newRecord(owner, rrsigs.type(), DClass.IN, rrsigs.ttl(), rrsigs.rdata(i)).toString());
            }
        }
    }
}
