package dev.caadns.admin;

import dev.caadns.wire.Query;
import dev.caadns.wire.Response;
import dev.caadns.wire.Section;
import dev.caadns.wire.Transport;
import dev.caadns.zone.WireName;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/**
 * One preallocated place in the journal ring. The event loop copies a query's few fields in (no
 * allocation, no JSON); readers turn it into a {@link JournalEntry} later. Guarded by its own lock.
 */
final class JournalSlot {
    private static final int ANSWER_TYPES = 8;
    private static final byte[] NONE = new byte[0];
    private static final int[] NO_ANSWER = new int[0];

    private long seq = -1;
    private long timeMillis;
    private InetAddress client;
    private int port;
    private Transport transport;
    private String userAgent;
    private int id;
    private int opcode;
    private String tsigKey;
    private String tsigError;
    /** Sized to the longest name this slot held (most names are short; a slot of 255 was half of it). */
    private byte[] name = NONE;
    private int nameLength;
    private int type;
    private boolean rd;
    private boolean cd;
    private boolean edns;
    private int ednsSize;
    private boolean dnssecOk;
    private boolean nsid;
    private boolean cookie;
    private int rcode;
    private boolean truncated;
    /** Sized, as the name, to the most answer RRsets this slot held (up to ANSWER_TYPES). */
    private int[] answerTypes = NO_ANSWER;
    private int[] answerSizes = NO_ANSWER;
    private int answerCount;
    private int authorityCount;
    private int additionalCount;
    private String note;
    private int replyBytes;
    private long nanos;

    synchronized void fill(long seq, long timeMillis, Query q, Response r, InetSocketAddress from, int replyLength,
                           long nanos) {
        this.seq = seq;
        this.timeMillis = timeMillis;
        this.client = from == null ? null : from.getAddress();
        this.port = from == null ? 0 : from.getPort();
        this.transport = q.transport();
        this.userAgent = q.userAgent();
        this.id = q.id();
        this.opcode = q.opcode();
        this.tsigKey = q.tsigKey();
        this.tsigError = q.tsigError();
        this.nameLength = q.hasQuestion() ? q.nameLength() : 0;
        if (name.length < nameLength) {
            name = new byte[nameLength]; // once per slot and longer name: the ring reuses the slots
        }
        System.arraycopy(q.name(), 0, name, 0, nameLength);
        this.type = q.hasQuestion() ? q.type() : -1;
        this.rd = q.recursionDesired();
        this.cd = q.checkingDisabled();
        this.edns = q.hasEdns();
        this.ednsSize = q.hasEdns() ? q.ednsPayload() : 0;
        this.dnssecOk = q.dnssecOk();
        this.nsid = q.nsidRequested();
        this.cookie = q.cookieLength() > 0;
        this.rcode = r.rcode();
        this.truncated = r.truncated();
        Section answer = r.answer();
        this.answerCount = Math.min(answer.count(), ANSWER_TYPES);
        if (answerTypes.length < answerCount) {
            answerTypes = new int[answerCount];
            answerSizes = new int[answerCount];
        }
        for (int i = 0; i < answerCount; i++) {
            answerTypes[i] = answer.rrset(i).type();
            answerSizes[i] = answer.rrset(i).size();
        }
        this.authorityCount = r.authority().count();
        this.additionalCount = r.additional().count();
        this.note = r.note();
        this.replyBytes = replyLength;
        this.nanos = nanos;
    }

    /** The entry held here, or null when the slot has moved on past seq (or never held it). */
    synchronized JournalEntry entry(long wanted) {
        if (seq != wanted) {
            return null;
        }
        List<String> flags = new ArrayList<>();
        if (rd) {
            flags.add("RD");
        }
        if (cd) {
            flags.add("CD");
        }
        List<String> options = new ArrayList<>();
        if (dnssecOk) {
            options.add("DO");
        }
        if (nsid) {
            options.add("NSID");
        }
        if (cookie) {
            options.add("COOKIE");
        }
        List<String> answer = new ArrayList<>();
        for (int i = 0; i < answerCount; i++) {
            answer.add(Type.string(answerTypes[i]) + " x" + answerSizes[i]);
        }
        return new JournalEntry(seq, Instant.ofEpochMilli(timeMillis).toString(),
                client == null ? "" : client.getHostAddress(), port, transport.label(),
                userAgent == null ? "" : userAgent, id, Opcode.string(opcode),
                tsigKey, tsigError.isEmpty() ? null : tsigError, name(),
                type < 0 ? "" : Type.string(type), flags, edns ? ednsSize : 0, options, Rcode.string(rcode),
                truncated, answer, authorityCount, additionalCount, note, replyBytes, nanos / 1000);
    }

    private String name() {
        if (nameLength == 0) {
            return "";
        }
        return WireName.toName(Arrays.copyOf(name, nameLength)).toString();
    }
}
