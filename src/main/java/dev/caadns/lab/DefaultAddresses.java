package dev.caadns.lab;

import dev.caadns.answer.QueryHandler;
import dev.caadns.answer.ZoneSet;
import dev.caadns.wire.Query;
import dev.caadns.wire.Response;
import dev.caadns.zone.RRset;
import dev.caadns.zone.ZoneIndex;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * pebble-challtestsrv's default A and AAAA answers: a name that has no address of its own gets the
 * default one. In caadns this holds only in implicit lab zones (where every name exists), so a zone
 * file's NXDOMAIN or NODATA stays what the file says, and a name refused for CAA is refused for A too.
 */
public final class DefaultAddresses {
    static final int A = 1;
    static final int AAAA = 28;
    /** As challtestsrv: nothing cached, so a change is seen at once. */
    private static final long TTL = 0;
    private static final int CLASS_IN = 1;
    private static final String NOTE_IPV4 = "default ipv4";
    private static final String NOTE_IPV6 = "default ipv6";

    private volatile RRset ipv4;
    private volatile RRset ipv6;

    /**
     * An address literal of one family ("an IPv4", "an IPv6"), never asking DNS.
     *
     * @throws IllegalArgumentException saying what the text is not
     */
    public static <T extends InetAddress> T literal(String text, Class<T> family, String what) {
        try {
            InetAddress address = text == null || text.isEmpty() || !text.matches("[0-9a-fA-F.:]+")
                    ? null : InetAddress.getByName(text);
            if (family.isInstance(address)) {
                return family.cast(address);
            }
        } catch (UnknownHostException e) {
            // reported below
        }
        throw new IllegalArgumentException("\"" + text + "\" is not " + what + " address");
    }

    /** Sets the default for A answers; empty clears it. */
    public void ipv4(Optional<Inet4Address> address) {
        ipv4 = address.map(a -> new RRset(null, A, TTL, new byte[][] {a.getAddress()})).orElse(null);
    }

    /** Sets the default for AAAA answers; empty clears it. */
    public void ipv6(Optional<Inet6Address> address) {
        ipv6 = address.map(a -> new RRset(null, AAAA, TTL, new byte[][] {a.getAddress()})).orElse(null);
    }

    /** The link answering with the defaults when next found no address in an implicit lab zone. */
    public QueryHandler handler(QueryHandler next, Supplier<ZoneSet> zones) {
        return (q, r) -> {
            RRset fallback = q.type() == A ? ipv4 : q.type() == AAAA ? ipv6 : null;
            next.handle(q, r);
            // Not for a referral (AA clear): the name then belongs to the delegated zone.
            if (fallback != null && q.dnsClass() == CLASS_IN && r.answer().isEmpty() && r.authoritative()
                    && r.rcode() == Response.NOERROR && inLabZone(q, zones.get())) {
                r.reset();
                r.authoritative(true);
                r.answer().add(null, fallback);
                r.note(q.type() == A ? NOTE_IPV4 : NOTE_IPV6);
            }
        };
    }

    private static boolean inLabZone(Query q, ZoneSet set) {
        ZoneIndex zone = set.find(q.name(), 0, q.nameLength());
        return zone != null && set.isImplicit(zone);
    }
}
