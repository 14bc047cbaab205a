package dev.caadns.answer;

import dev.caadns.wire.ResponseWriter;
import dev.caadns.wire.Transport;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

/** {@link Lookup} through the same parse → chain → encode path the server runs, without a socket. */
public final class LocalLookup implements Lookup {
    private final QueryProcessor processor;

    public LocalLookup(QueryHandler chain) {
        this.processor = new QueryProcessor(chain, new ResponseWriter(65535, new byte[0]));
    }

    @Override
    public Message ask(Name qname, int qtype) {
        return ask(qname, qtype, false);
    }

    @Override
    public Message askWithDnssec(Name qname, int qtype) {
        return ask(qname, qtype, true);
    }

    private synchronized Message ask(Name qname, int qtype, boolean dnssecOk) {
        Message query = new Message(0);
        query.getHeader().setFlag(Flags.RD);
        query.addRecord(Record.newRecord(qname, qtype, DClass.IN), Section.QUESTION);
        if (dnssecOk) {
            query.addRecord(new org.xbill.DNS.OPTRecord(65535, 0, 0, Flags.DO), Section.ADDITIONAL);
        }
        byte[] wire = query.toWire();
        int length = processor.process(wire, wire.length, Transport.TCP);
        if (length < 0) {
            throw new NoReplyException(qname, qtype);
        }
        try {
            return new Message(java.util.Arrays.copyOf(processor.reply(), length));
        } catch (IOException e) {
            throw new UncheckedIOException("our own reply did not parse", e);
        }
    }
}
