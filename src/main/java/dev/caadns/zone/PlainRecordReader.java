package dev.caadns.zone;

import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Address;
import org.xbill.DNS.CAARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * The fast path for the records most zones are made of: plain {@link EntryWords}, class IN, a
 * numeric TTL if any, and A, AAAA, NS, CNAME, PTR, MX, TXT, CAA or SOA rdata in its usual form.
 * It builds the records with dnsjava's constructors from the values its text parser would read,
 * so they are equal to what that parser gives. Whatever it does not recognise makes it answer
 * "not mine" (false or null) and the caller uses dnsjava's tokenizer, errors included.
 */
final class PlainRecordReader {

    private static final long MAX_U16 = 0xFFFF;
    private static final long MAX_U32 = 0xFFFFFFFFL;
    private static final String[] TYPE_NAMES = {"A", "AAAA", "NS", "CNAME", "PTR", "MX", "TXT",
        "CAA", "SOA"};
    private static final int[] TYPES = {Type.A, Type.AAAA, Type.NS, Type.CNAME, Type.PTR, Type.MX,
        Type.TXT, Type.CAA, Type.SOA};

    private final EntryWords words = new EntryWords();
    private int ownerWord;
    private long ttl;
    private int type;
    private int rdata;

    // consecutive records of one name share its Name: less parsing, less heap
    private String lastOwnerText;
    private Name lastOwnerOrigin;
    private Name lastOwner;

    /**
     * Reads the owner and header words, {@code owner [IN] [ttl] [IN] type}; false when the entry is
     * not one this reader handles.
     */
    boolean header(String text, boolean ownerOmitted) {
        if (!words.split(text)) {
            return false;
        }
        ownerWord = ownerOmitted ? -1 : 0;
        int i = ownerWord + 1;
        if (ownerWord == 0 && (words.count() == 0 || words.quoted(0))) {
            return false;
        }
        boolean classSeen = words.is(i, "IN");
        if (classSeen) {
            i++;
        }
        ttl = -1;
        if (words.startsWithDigit(i)) {
            // larger TTLs are clamped by dnsjava's parser; left to it
            ttl = words.number(i, Integer.MAX_VALUE);
            if (ttl < 0) {
                return false;
            }
            i++;
        }
        if (!classSeen && words.is(i, "IN")) {
            i++;
        }
        type = typeAt(i);
        rdata = i + 1;
        return type >= 0;
    }

    /** The header's TTL, -1 when omitted. */
    long ttl() {
        return ttl;
    }

    /** The owner written in the entry, or null when it was omitted or does not parse. */
    Name owner(Name origin) {
        if (ownerWord < 0) {
            return null;
        }
        if (lastOwner != null && origin == lastOwnerOrigin && words.sameAs(ownerWord, lastOwnerText)) {
            return lastOwner;
        }
        Name owner = name(ownerWord, origin);
        if (owner != null) {
            lastOwnerText = words.word(ownerWord);
            lastOwnerOrigin = origin;
            lastOwner = owner;
        }
        return owner;
    }

    /** The record with the header's type and the entry's rdata, or null when not plain. */
    Record record(Name owner, long recordTtl, Name origin) {
        int n = words.count() - rdata;
        try {
            return switch (type) {
                case Type.A -> n == 1 ? address(owner, recordTtl, Address.IPv4) : null;
                case Type.AAAA -> n == 1 ? address(owner, recordTtl, Address.IPv6) : null;
                case Type.NS, Type.CNAME, Type.PTR -> n == 1 ? singleName(owner, recordTtl, origin)
                        : null;
                case Type.MX -> n == 2 ? mx(owner, recordTtl, origin) : null;
                case Type.TXT -> n >= 1 ? txt(owner, recordTtl) : null;
                case Type.CAA -> n == 3 ? caa(owner, recordTtl) : null;
                case Type.SOA -> n == 7 ? soa(owner, recordTtl, origin) : null;
                default -> null;
            };
        } catch (IllegalArgumentException e) {
            // a value dnsjava refuses, e.g. a string over 255 bytes: its parser words the error
            return null;
        }
    }

    private int typeAt(int i) {
        for (int t = 0; t < TYPE_NAMES.length; t++) {
            if (words.is(i, TYPE_NAMES[t])) {
                return TYPES[t];
            }
        }
        return -1;
    }

    private Record address(Name owner, long recordTtl, int family) {
        if (words.quoted(rdata)) {
            return null;
        }
        byte[] address = Address.toByteArray(words.word(rdata), family);
        if (address == null) {
            return null;
        }
        return family == Address.IPv4 ? new ARecord(owner, DClass.IN, recordTtl, address)
                : new AAAARecord(owner, DClass.IN, recordTtl, address);
    }

    private Record singleName(Name owner, long recordTtl, Name origin) {
        Name target = name(rdata, origin);
        if (target == null) {
            return null;
        }
        return switch (type) {
            case Type.NS -> new NSRecord(owner, DClass.IN, recordTtl, target);
            case Type.CNAME -> new CNAMERecord(owner, DClass.IN, recordTtl, target);
            default -> new PTRRecord(owner, DClass.IN, recordTtl, target);
        };
    }

    private Record mx(Name owner, long recordTtl, Name origin) {
        long preference = words.number(rdata, MAX_U16);
        Name target = name(rdata + 1, origin);
        if (preference < 0 || target == null) {
            return null;
        }
        return new MXRecord(owner, DClass.IN, recordTtl, (int) preference, target);
    }

    private Record txt(Name owner, long recordTtl) {
        List<String> strings = new ArrayList<>(words.count() - rdata);
        for (int i = rdata; i < words.count(); i++) {
            strings.add(words.word(i));
        }
        return new TXTRecord(owner, DClass.IN, recordTtl, strings);
    }

    private Record caa(Name owner, long recordTtl) {
        long flags = words.number(rdata, 255);
        if (flags < 0) {
            return null;
        }
        return new CAARecord(owner, DClass.IN, recordTtl, (int) flags, words.word(rdata + 1),
                words.word(rdata + 2));
    }

    private Record soa(Name owner, long recordTtl, Name origin) {
        Name host = name(rdata, origin);
        Name admin = name(rdata + 1, origin);
        long[] timers = new long[5];
        for (int i = 0; i < timers.length; i++) {
            timers[i] = words.number(rdata + 2 + i, MAX_U32);
            if (timers[i] < 0) {
                return null;
            }
        }
        if (host == null || admin == null) {
            return null;
        }
        return new SOARecord(owner, DClass.IN, recordTtl, host, admin, timers[0], timers[1],
                timers[2], timers[3], timers[4]);
    }

    /** An unquoted word as an absolute name, or null. */
    private Name name(int i, Name origin) {
        if (words.quoted(i)) {
            return null;
        }
        try {
            Name name = Name.fromString(words.word(i), origin);
            return name.isAbsolute() ? name : null;
        } catch (TextParseException e) {
            return null;
        }
    }
}
