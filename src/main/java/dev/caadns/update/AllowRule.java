package dev.caadns.update;

import java.net.InetAddress;
import java.util.List;
import java.util.Set;
import org.xbill.DNS.Name;

/**
 * One {@code update.allow} entry: who ({@code key}, or none for unsigned updates, and the addresses
 * in {@code from}) may change what ({@code zones}, the {@code names} subtrees in them, {@code types}).
 *
 * @param key the TSIG key the update must be signed with; null for {@code key = none}
 * @param names subtrees (each name and everything below it); empty = the whole zone
 * @param types record types; empty = every type
 * @param from client networks; empty = any address (only with a key)
 */
record AllowRule(Name key, List<Name> zones, List<Name> names, Set<Integer> types, List<Network> from) {

    /** An address block, {@code 127.0.0.1/32} or {@code ::1/128}. */
    record Network(InetAddress base, int prefix) {
        boolean contains(InetAddress address) {
            byte[] a = address.getAddress();
            byte[] b = base.getAddress();
            if (a.length != b.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((a[bit / 8] & mask) != (b[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Whether this rule is about this sender (key, or none) and this zone. */
    boolean covers(Name signer, InetAddress client, Name zone) {
        boolean keyMatches = key == null || key.equals(signer);
        boolean addressMatches = from.isEmpty() || (client != null && from.stream().anyMatch(n -> n.contains(client)));
        return keyMatches && addressMatches && zones.contains(zone);
    }

    /** Whether the rule lets (owner, type) change; {@code type} 255 (ANY) needs a rule for every type. */
    boolean permits(Name owner, int type) {
        boolean nameOk = names.isEmpty() || names.stream().anyMatch(owner::subdomain);
        boolean typeOk = types.isEmpty() || (type != ANY && types.contains(type));
        return nameOk && typeOk;
    }

    private static final int ANY = 255;
}
