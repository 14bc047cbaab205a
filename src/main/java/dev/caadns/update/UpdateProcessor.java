package dev.caadns.update;

import dev.caadns.answer.OpcodeHandler;
import dev.caadns.answer.ZoneSet;
import dev.caadns.wire.Query;
import dev.caadns.wire.Response;
import dev.caadns.zone.Finding;
import dev.caadns.zone.WireName;
import dev.caadns.zone.ZoneIndex;
import java.io.IOException;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * RFC 2136 UPDATE onto the runtime overlay, in the RFC's order: the zone (§3.1), the prerequisites
 * (§3.2), the sender's permission for every change (§3.3, {@link UpdatePolicy}), the update section's
 * pre-scan and its operations (§3.4), then the same plugin checks as the management API (CAA
 * validation among them). All or nothing: the changes are published as one new version of the zone,
 * which moves its SOA serial, or not at all. One update at a time, under the store's lock.
 */
public final class UpdateProcessor implements OpcodeHandler {
    private static final Logger log = LoggerFactory.getLogger(UpdateProcessor.class);
    private static final int EDE_OTHER = 0;
    private static final int EDE_PROHIBITED = 18;
    private static final Set<Integer> META_TYPES = Set.of(Type.ANY, Type.AXFR, Type.IXFR, Type.MAILA, Type.MAILB,
            Type.OPT, Type.TSIG, Type.TKEY);

    private final UpdateStore store;
    private final UpdatePolicy policy;
    private final Function<List<Record>, List<Finding>> checks;

    /** @param checks what the plugins find wrong with an RRset about to be set (server's checkRRset) */
    public UpdateProcessor(UpdateStore store, UpdatePolicy policy, Function<List<Record>, List<Finding>> checks) {
        this.store = store;
        this.policy = policy;
        this.checks = checks;
    }

    /** How one update ended: its rcode, what it did or why not (for the log and the journal), and an EDE. */
    record Outcome(int rcode, String what, int edeCode, String edeText) {
        static Outcome failed(int rcode, String why) {
            return new Outcome(rcode, why, -1, null);
        }

        static Outcome refused(int edeCode, String why) {
            return new Outcome(Response.REFUSED, why, edeCode, why);
        }
    }

    @Override
    public void handle(byte[] message, int length, Query query, Response response) {
        Name signer = query.tsigKey() == null ? null : Name.fromConstantString(query.tsigKey());
        InetAddress client = query.client() == null ? null : query.client().getAddress();
        Outcome outcome = update(message, length, signer, client);
        response.rcode(outcome.rcode());
        response.note("update " + (outcome.rcode() == Response.NOERROR ? "" : org.xbill.DNS.Rcode.string(outcome.rcode())
                + ": ") + outcome.what());
        if (outcome.edeText() != null) {
            response.extendedError(outcome.edeCode(), outcome.edeText());
        }
        String sender = (signer == null ? "unsigned" : "key " + signer) + (client == null ? ""
                : " from " + client.getHostAddress());
        if (outcome.rcode() == Response.NOERROR) {
            log.info("update ({}): {}", sender, outcome.what());
        } else {
            log.warn("update ({}) {}, nothing changed: {}", sender, org.xbill.DNS.Rcode.string(outcome.rcode()),
                    outcome.what());
        }
    }

    Outcome update(byte[] message, int length, Name signer, InetAddress client) {
        UpdateMessage update;
        try {
            update = UpdateMessage.parse(message, length);
        } catch (IOException | RuntimeException e) {
            return Outcome.failed(Response.FORMERR, "the message does not parse: " + e.getMessage());
        }
        if (update.zoneType() != Type.SOA) {
            return Outcome.failed(Response.FORMERR, "the zone section asks for type " + Type.string(update.zoneType())
                    + ", not SOA (RFC 2136 §2.3)");
        }
        if (update.zoneClass() != DClass.IN) {
            return Outcome.failed(Response.NOTAUTH, "zone " + update.zone() + " class "
                    + DClass.string(update.zoneClass()) + " is not served here");
        }
        return store.exclusively(() -> apply(update, signer, client));
    }

    private Outcome apply(UpdateMessage update, Name signer, InetAddress client) {
        Name zone = update.zone();
        ZoneSet zones = store.get();
        byte[] wire = WireName.lower(zone);
        ZoneIndex index = zones.find(wire, 0, wire.length);
        if (index == null || !Arrays.equals(index.origin(), wire)) {
            return Outcome.failed(Response.NOTAUTH, "zone " + zone + " is not served here");
        }
        String refusal = policy.refuseZone(signer, client, zone);
        if (refusal != null) {
            return Outcome.refused(EDE_PROHIBITED, refusal);
        }
        ZoneDraft draft = new ZoneDraft(index);
        Outcome failed = prerequisites(update.prerequisites(), zones, index, draft);
        if (failed == null) {
            failed = permitted(update.updates(), signer, client, zone);
        }
        if (failed == null) {
            failed = prescan(update.updates(), zones, index);
        }
        if (failed != null) {
            return failed;
        }
        for (UpdateMessage.Entry e : update.updates()) {
            if (e.dnsClass() == DClass.IN) {
                draft.add(e.record());
            } else if (e.dnsClass() == DClass.ANY) {
                if (e.type() == Type.ANY) {
                    draft.deleteName(e.name());
                } else {
                    draft.deleteRRset(e.name(), e.type());
                }
            } else {
                draft.deleteRecord(ZoneDraft.withClassAndTtl(e.record(), DClass.IN, 0));
            }
        }
        Map<Name, Map<Integer, List<Record>>> changes = draft.changes();
        if (changes.isEmpty()) {
            return new Outcome(Response.NOERROR, zone + " unchanged" + words(draft.log()), -1, null);
        }
        Outcome checked = checked(changes);
        if (checked != null) {
            return checked;
        }
        try {
            store.replaceAll(changes);
        } catch (IllegalArgumentException e) {
            return Outcome.refused(EDE_OTHER, e.getMessage());
        } catch (RuntimeException e) {
            log.error("update of {} could not be published", zone, e);
            return Outcome.failed(Response.SERVFAIL, "the new version of " + zone + " could not be built: " + e);
        }
        ZoneIndex now = store.get().find(wire, 0, wire.length);
        return new Outcome(Response.NOERROR, zone + " serial " + now.serial() + words(draft.log()), -1, null);
    }

    /** §3.2: each prerequisite in turn; the value-dependent ones compared as whole RRsets at the end. */
    private static Outcome prerequisites(List<UpdateMessage.Entry> prerequisites, ZoneSet zones, ZoneIndex index,
                                         ZoneDraft draft) {
        Map<Name, Map<Integer, Set<Record>>> expected = new LinkedHashMap<>();
        for (UpdateMessage.Entry e : prerequisites) {
            Name name = e.name();
            if (!inZone(zones, index, name)) {
                return Outcome.failed(Response.NOTZONE, "prerequisite name " + name + " is not in zone "
                        + draft.origin());
            }
            if (e.record().getTTL() != 0) {
                return Outcome.failed(Response.FORMERR, "prerequisite " + e.record() + " has a TTL (must be 0)");
            }
            int type = e.type();
            if (e.dnsClass() == DClass.ANY || e.dnsClass() == DClass.NONE) {
                if (e.hasRdata()) {
                    return Outcome.failed(Response.FORMERR, "prerequisite " + e.record() + " has RDATA");
                }
                boolean exists = type == Type.ANY ? draft.inUse(name) : !draft.rrset(name, type).isEmpty();
                boolean wanted = e.dnsClass() == DClass.ANY;
                if (exists != wanted) {
                    String what = type == Type.ANY ? "name " + name : "RRset " + name + " " + Type.string(type);
                    int rcode = type == Type.ANY ? (wanted ? Response.NXDOMAIN : Response.YXDOMAIN)
                            : (wanted ? Response.NXRRSET : Response.YXRRSET);
                    return Outcome.failed(rcode, "prerequisite failed: " + what + (wanted ? " does not exist"
                            : " exists"));
                }
            } else if (e.dnsClass() == DClass.IN && e.hasRdata() && !META_TYPES.contains(type)) {
                expected.computeIfAbsent(name, n -> new LinkedHashMap<>()).computeIfAbsent(type, t -> new HashSet<>())
                        .add(e.record());
            } else {
                return Outcome.failed(Response.FORMERR, "prerequisite " + e.record() + " has class "
                        + DClass.string(e.dnsClass()) + " (expected ANY, NONE or IN with RDATA)");
            }
        }
        for (var owner : expected.entrySet()) {
            for (var typed : owner.getValue().entrySet()) {
                if (!new HashSet<>(draft.rrset(owner.getKey(), typed.getKey())).equals(typed.getValue())) {
                    return Outcome.failed(Response.NXRRSET, "prerequisite failed: RRset " + owner.getKey() + " "
                            + Type.string(typed.getKey()) + " does not hold exactly the records given");
                }
            }
        }
        return null;
    }

    /** §3.3: every change must be one a rule gives the sender. */
    private Outcome permitted(List<UpdateMessage.Entry> updates, Name signer, InetAddress client, Name zone) {
        for (UpdateMessage.Entry e : updates) {
            String refusal = policy.refuseChange(signer, client, zone, e.name(), e.type());
            if (refusal != null) {
                return Outcome.refused(EDE_PROHIBITED, refusal);
            }
        }
        return null;
    }

    /** §3.4.1: names in the zone, and each class with the TTL, type and RDATA it allows. */
    private static Outcome prescan(List<UpdateMessage.Entry> updates, ZoneSet zones, ZoneIndex index) {
        for (UpdateMessage.Entry e : updates) {
            if (!inZone(zones, index, e.name())) {
                return Outcome.failed(Response.NOTZONE, "update name " + e.name() + " is not in zone "
                        + index.originName());
            }
            int type = e.type();
            boolean ok = switch (e.dnsClass()) {
                case DClass.IN -> e.hasRdata() && !META_TYPES.contains(type);
                case DClass.ANY -> e.record().getTTL() == 0 && !e.hasRdata() && (type == Type.ANY
                        || !META_TYPES.contains(type));
                case DClass.NONE -> e.record().getTTL() == 0 && e.hasRdata() && !META_TYPES.contains(type);
                default -> false;
            };
            if (!ok) {
                return Outcome.failed(Response.FORMERR, "update " + e.record() + " is not an add (class IN with "
                        + "RDATA), an RRset or name delete (class ANY, TTL 0, no RDATA) or a record delete "
                        + "(class NONE, TTL 0)");
            }
        }
        return null;
    }

    /** The plugins' checks over every RRset the update leaves non-empty; an error refuses the whole update. */
    private Outcome checked(Map<Name, Map<Integer, List<Record>>> changes) {
        for (var typed : changes.values()) {
            for (List<Record> records : typed.values()) {
                if (records.isEmpty()) {
                    continue;
                }
                for (Finding f : checks.apply(records)) {
                    if (f.blocksServing()) {
                        return Outcome.refused(EDE_OTHER, f.code() + " " + f.owner() + ": " + f.message());
                    }
                }
            }
        }
        return null;
    }

    /** In the zone, and not in a zone below it that is served here too. */
    private static boolean inZone(ZoneSet zones, ZoneIndex index, Name name) {
        byte[] wire = WireName.lower(name);
        return zones.find(wire, 0, wire.length) == index;
    }

    private static String words(List<String> log) {
        return log.isEmpty() ? "" : ": " + String.join("; ", log);
    }
}
