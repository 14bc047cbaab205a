package dev.caadns.difftest;

import dev.caadns.testsupport.Queries;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/** One query of the differential run: what is asked, with which EDNS, over which transport. */
record GeneratedQuery(int id, Name qname, int qtype, int ednsUdpSize, boolean dnssecOk, Transport transport) {
    enum Transport { UDP, TCP }

    Message toMessage() {
        return Queries.query(id, qname, qtype, ednsUdpSize, dnssecOk);
    }

    boolean hasEdns() {
        return ednsUdpSize != Queries.NO_EDNS;
    }

    @Override
    public String toString() {
        String edns = hasEdns() ? "EDNS " + ednsUdpSize + (dnssecOk ? " DO" : "") : "no EDNS";
        return "#" + id + " " + qname + " " + Type.string(qtype) + " " + transport + " " + edns;
    }
}
