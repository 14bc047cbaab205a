package dev.caadns.caa;

import dev.caadns.answer.Lookup;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.DNAMERecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.NameTooLongException;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * A tiny authoritative answerer over a record map, enough for the search: CNAME chasing, DNAME
 * synthesis, one-level wildcards, NODATA for empty non-terminals, REFUSED outside its zones, and
 * fixed rcodes for chosen names.
 */
final class FakeLookup implements Lookup {
    private static final int MAX_CHAIN = 8;

    private final Set<Name> apexes;
    private final Map<Name, List<Record>> nodes = new LinkedHashMap<>();
    private final Map<Name, Integer> failures = new LinkedHashMap<>();

    FakeLookup(Set<Name> apexes, List<Record> records) {
        this.apexes = apexes;
        records.forEach(r -> nodes.computeIfAbsent(r.getName(), n -> new ArrayList<>()).add(r));
    }

    FakeLookup failing(Name name, int rcode) {
        failures.put(name, rcode);
        return this;
    }

    @Override
    public Message ask(Name qname, int qtype) {
        Message reply = new Message(0);
        reply.addRecord(Record.newRecord(qname, qtype, DClass.IN), Section.QUESTION);
        reply.getHeader().setRcode(answer(qname, qtype, reply));
        return reply;
    }

    private int answer(Name qname, int qtype, Message reply) {
        Name name = qname;
        for (int hop = 0; hop < MAX_CHAIN; hop++) {
            Name current = name;
            if (failures.containsKey(current)) {
                return failures.get(current);
            }
            if (apexes.stream().noneMatch(current::subdomain)) {
                return hop == 0 ? Rcode.REFUSED : Rcode.NOERROR;
            }
            Name dnameTarget = dname(current, reply);
            if (dnameTarget != null) {
                reply.addRecord(new CNAMERecord(current, DClass.IN, 300, dnameTarget), Section.ANSWER);
                name = dnameTarget;
                continue;
            }
            List<Record> here = nodes.getOrDefault(current, wildcard(current));
            Record cname = here.stream().filter(r -> r.getType() == Type.CNAME).findFirst().orElse(null);
            if (cname != null && qtype != Type.CNAME) {
                reply.addRecord(cname, Section.ANSWER);
                name = ((CNAMERecord) cname).getTarget();
                continue;
            }
            here.stream().filter(r -> r.getType() == qtype).forEach(r -> reply.addRecord(r, Section.ANSWER));
            boolean exists = !here.isEmpty() || nodes.keySet().stream().anyMatch(n -> n.subdomain(current));
            return exists ? Rcode.NOERROR : Rcode.NXDOMAIN;
        }
        return Rcode.SERVFAIL;
    }

    /** A DNAME at a proper ancestor rewrites the name (RFC 6672); the DNAME's own name is not rewritten. */
    private Name dname(Name name, Message reply) {
        for (int drop = 1; drop < name.labels() - 1; drop++) {
            Name ancestor = new Name(name, drop);
            for (Record record : nodes.getOrDefault(ancestor, List.of())) {
                if (record instanceof DNAMERecord dname) {
                    reply.addRecord(dname, Section.ANSWER);
                    try {
                        return name.fromDNAME(dname);
                    } catch (NameTooLongException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        return null;
    }

    /** Records of {@code *.parent} re-owned by {@code name}, when {@code name} does not exist. */
    private List<Record> wildcard(Name name) {
        if (name.labels() < 2 || nodes.keySet().stream().anyMatch(n -> n.subdomain(name))) {
            return List.of();
        }
        Name star;
        try {
            star = Name.concatenate(Name.fromConstantString("*"), new Name(name, 1));
        } catch (NameTooLongException e) {
            return List.of();
        }
        return nodes.getOrDefault(star, List.of()).stream().map(r -> r.withName(name)).toList();
    }
}
