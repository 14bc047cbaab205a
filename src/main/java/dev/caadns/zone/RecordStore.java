package dev.caadns.zone;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;

/**
 * A zone's records between reading and indexing, column by column: owners as runs (consecutive
 * records of one owner as written) and the case-insensitive node each run belongs to, rdata in one
 * byte array (a value repeated record after record stored once), and the place each record came
 * from. No object per record: the million-name zone is a few big arrays. The checks drop records or
 * change their TTL here; dnsjava records are made only for what a finding shows or a caller asks for.
 */
final class RecordStore {
    /**
     * The owner as written of each run. Zone files group records by owner, so adding a record
     * compares its owner with the previous one only; the node of each new run is looked up later,
     * all together ({@link #settle}), where a million lookups overlap their cache misses.
     */
    private byte[][] runOwner;
    private int runs;
    /** Lowercase owners; runs [0, settled) have their node. */
    private NameIds nodes;
    private int settled;
    /** The node of each run; null while each run is a node of its own (run i is node i). */
    private int[] runNode;

    private int count;
    /** The run of each record. */
    private int[] run;
    private int[] typeClass;
    private int[] ttl;
    /** Where each record's rdata starts in {@link #data}; records with equal rdata may share it. */
    private int[] dataStart;
    private char[] dataLength;
    /** Where the next new rdata goes in {@link #data}. */
    private int dataEnd;
    /**
     * Record + 1 whose rdata was last stored under each hash: a million names repeat a few hundred
     * CAA (or TXT, MX) values, stored once each, so a reload holds megabytes of them, not the 50 MB
     * of the 1M zone's copies, beside the served index.
     */
    private final int[] recentRdata = new int[1024];
    /** File id of each record; null while every record is from the first file (no include yet). */
    private int[] file;
    private int[] line;
    /** Comment id of each record; null while no record has a comment (most zone files). */
    private int[] comment;
    private byte[] data;
    private final BitSet dropped = new BitSet();

    private final List<String> files = new ArrayList<>();
    /** The file of the last record added and its id: records come a file at a time. */
    private String lastFile;
    private int lastFileId;
    private final List<String> comments = new ArrayList<>(List.of(""));

    RecordStore() {
        this(64);
    }

    /** @param expected how many records are coming, so a large zone's arrays are not regrown */
    RecordStore(int expected) {
        this(expected, Math.max(16, expected) * 16);
    }

    private RecordStore(int expected, int dataBytes) {
        int capacity = Math.max(16, expected);
        runOwner = new byte[capacity / 2][];
        run = new int[capacity];
        typeClass = new int[capacity];
        ttl = new int[capacity];
        dataStart = new int[capacity];
        dataLength = new char[capacity];
        line = new int[capacity];
        data = new byte[dataBytes];
    }

    /**
     * A store sized for the records of a zone file of this many bytes: about 32 bytes a record, and
     * rdata of 1/8 of the text to start with (the 1M zone's distinct rdata, its addresses and a few
     * policies, take 1/24; rdata written out as often as the records are grows it by half).
     */
    static RecordStore forText(long fileBytes) {
        long bytes = Math.min(fileBytes, Integer.MAX_VALUE / 2);
        return new RecordStore((int) (bytes / 32), (int) Math.max(256, bytes / 8));
    }

    int size() {
        return count;
    }

    /** Distinct owner names, case ignored; {@link #node} numbers them in order of first appearance. */
    int nodeCount() {
        return settledNodes().size();
    }

    /** Adds one record; the owner and rdata are copied out of the caller's buffers. */
    void add(byte[] owner, int ownerOff, int ownerLen, int type, int dclass, long recordTtl,
             byte[] rdata, int rdataOff, int rdataLen, String inFile, int atLine, String text) {
        if (count == run.length) {
            grow();
        }
        run[count] = count > 0 && sameOwner(count - 1, owner, ownerOff, ownerLen) ? run[count - 1]
                : newRun(owner, ownerOff, ownerLen);
        dataStart[count] = storeRdata(rdata, rdataOff, rdataLen);
        dataLength[count] = (char) rdataLen;
        typeClass[count] = type << 16 | dclass;
        ttl[count] = (int) recordTtl;
        int fileId = fileId(inFile);
        if (fileId != 0 && file == null) {
            file = new int[run.length];
        }
        if (file != null) {
            file[count] = fileId;
        }
        line[count] = atLine;
        if (!text.isEmpty() && comment == null) {
            comment = new int[run.length];
        }
        if (comment != null) {
            comment[count] = text.isEmpty() ? 0 : commentId(text);
        }
        count++;
    }

    /** Where rdata is in {@link #data}: the place of an equal one stored just before, or a new one. */
    private int storeRdata(byte[] rdata, int off, int len) {
        int slot = -1;
        if (len >= 8) { // shorter ones (addresses) are mostly distinct, and cost no more than a lookup
            slot = Rdata.hash(rdata, off, off + len) & (recentRdata.length - 1);
            int r = recentRdata[slot] - 1;
            if (r >= 0 && dataLength[r] == len
                    && Arrays.equals(data, dataStart[r], dataStart[r] + len, rdata, off, off + len)) {
                return dataStart[r];
            }
        }
        if (dataEnd + len > data.length) {
            // by half: the array lives until the index is built, beside the old index in a reload
            data = Arrays.copyOf(data, Math.max(dataEnd + len, data.length + data.length / 2));
        }
        System.arraycopy(rdata, off, data, dataEnd, len);
        if (slot >= 0) {
            recentRdata[slot] = count + 1;
        }
        dataEnd += len;
        return dataEnd - len;
    }

    private boolean sameOwner(int i, byte[] owner, int off, int len) {
        byte[] previous = owner(i);
        return Arrays.equals(previous, 0, previous.length, owner, off, off + len);
    }

    private int newRun(byte[] owner, int off, int len) {
        if (runs == runOwner.length) {
            runOwner = Arrays.copyOf(runOwner, Math.max(16, runs * 2));
        }
        runOwner[runs] = Arrays.copyOfRange(owner, off, off + len);
        return runs++;
    }

    /** Gives every owner its node now, all together (else that is done when first asked for). */
    void findNodes() {
        settledNodes();
    }

    /** The node table with every run in it. */
    private NameIds settledNodes() {
        if (settled < runs || nodes == null) {
            settle();
        }
        return nodes;
    }

    /**
     * Gives each new run its node: the lowercase names and their hashes first, then the lookups in
     * one tight loop. A run whose node is older (the owner came back later, or in other letter
     * case) starts the run-to-node map; a run written as its node's name shares that array.
     */
    private void settle() {
        int from = settled;
        int n = runs - from;
        if (nodes == null) {
            nodes = new NameIds(true, n);
        }
        byte[][] lower = runOwner; // while every owner is written in lowercase
        int[] hashes = new int[n];
        for (int k = 0; k < n; k++) {
            byte[] owner = runOwner[from + k];
            hashes[k] = WireName.hash(owner, 0, owner.length);
            byte[] lowercase = NameIds.lowercase(owner);
            if (lowercase != owner && lower == runOwner) {
                lower = Arrays.copyOf(runOwner, runOwner.length);
            }
            lower[from + k] = lowercase;
        }
        nodes.addAll(lower, from, hashes);
        int[] ids = hashes;
        for (int k = 0; k < n; k++) {
            int r = from + k;
            int node = ids[k];
            if (node != r && runNode == null) {
                runNode = new int[Math.max(runOwner.length, 16)];
                for (int i = 0; i < r; i++) {
                    runNode[i] = i;
                }
            }
            if (runNode != null) {
                if (r >= runNode.length) {
                    runNode = Arrays.copyOf(runNode, runOwner.length);
                }
                runNode[r] = node;
            }
            byte[] name = nodes.name(node);
            if (Arrays.equals(name, runOwner[r])) {
                runOwner[r] = name;
            }
        }
        settled = runs;
    }

    void add(Record record, String inFile, int atLine, String text) {
        byte[] owner = WireName.asWritten(record.getName());
        byte[] rdata = Rdata.wire(record);
        add(owner, 0, owner.length, record.getType(), record.getDClass(), record.getTTL(), rdata, 0,
                rdata.length, inFile, atLine, text);
    }

    private int fileId(String name) {
        if (name.equals(lastFile)) {
            return lastFileId;
        }
        int id = files.indexOf(name);
        if (id < 0) {
            files.add(name);
            id = files.size() - 1;
        }
        lastFile = name;
        lastFileId = id;
        return id;
    }

    private int commentId(String text) {
        comments.add(text);
        return comments.size() - 1;
    }

    private void grow() {
        int n = count * 2;
        run = Arrays.copyOf(run, n);
        typeClass = Arrays.copyOf(typeClass, n);
        ttl = Arrays.copyOf(ttl, n);
        dataStart = Arrays.copyOf(dataStart, n);
        dataLength = Arrays.copyOf(dataLength, n);
        file = file == null ? null : Arrays.copyOf(file, n);
        line = Arrays.copyOf(line, n);
        comment = comment == null ? null : Arrays.copyOf(comment, n);
    }

    /** The case-insensitive owner id of record i. */
    int node(int i) {
        settledNodes();
        return runNode == null ? run[i] : runNode[run[i]];
    }

    /** Lowercase wire name of node id n. */
    byte[] nodeName(int n) {
        return settledNodes().name(n);
    }

    /** The node id of a lowercase-or-not wire name, or -1 when no record has that owner. */
    int findNode(byte[] name, int off, int len) {
        return settledNodes().find(name, off, len);
    }

    /** Wire owner of record i as written. */
    byte[] owner(int i) {
        return runOwner[run[i]];
    }

    Name ownerName(int i) {
        return WireName.toName(owner(i));
    }

    int type(int i) {
        return typeClass[i] >>> 16;
    }

    int dclass(int i) {
        return typeClass[i] & 0xFFFF;
    }

    long ttl(int i) {
        return ttl[i] & 0xFFFFFFFFL;
    }

    void ttl(int i, long value) {
        ttl[i] = (int) value;
    }

    byte[] data() {
        return data;
    }

    int rdataStart(int i) {
        return dataStart[i];
    }

    int rdataLength(int i) {
        return dataLength[i];
    }

    byte[] rdata(int i) {
        return Arrays.copyOfRange(data, dataStart[i], dataStart[i] + dataLength[i]);
    }

    boolean rdataEquals(int i, int j) {
        return Arrays.equals(data, dataStart[i], dataStart[i] + dataLength[i], data, dataStart[j],
                dataStart[j] + dataLength[j]);
    }

    String file(int i) {
        return files.get(file == null ? 0 : file[i]);
    }

    int line(int i) {
        return line[i];
    }

    boolean hasComments() {
        return comment != null;
    }

    String comment(int i) {
        return comments.get(comment == null ? 0 : comment[i]);
    }

    boolean dropped(int i) {
        return dropped.get(i);
    }

    void drop(int i) {
        dropped.set(i);
    }

    /**
     * The records not dropped, grouped by node: those of node n are
     * {@code members[start[n]] .. members[start[n + 1] - 1]}, in file order.
     */
    record Groups(int[] start, int[] members) {
        int size(int node) {
            return start[node + 1] - start[node];
        }
    }

    Groups byNode() {
        int nodeCount = nodeCount();
        int[] start = new int[nodeCount + 1];
        for (int i = 0; i < count; i++) {
            if (!dropped(i)) {
                start[node(i) + 1]++;
            }
        }
        for (int n = 0; n < nodeCount; n++) {
            start[n + 1] += start[n];
        }
        int[] next = Arrays.copyOf(start, nodeCount);
        int[] members = new int[start[nodeCount]];
        for (int i = 0; i < count; i++) {
            if (!dropped(i)) {
                members[next[node(i)]++] = i;
            }
        }
        return new Groups(start, members);
    }

    /**
     * Frees the name tables' lookups ({@link #findNode} and adding no longer work; names still
     * do): the index build needs none, and a million names' tables are 32 MiB it then has back.
     */
    void freeLookups() {
        settledNodes().freeze();
        if (runOwner.length != runs) { // LoadedZone frees them before the build, keepPlacesOnly again
            runOwner = Arrays.copyOf(runOwner, runs);
        }
    }

    /**
     * Keeps only what says where each record came from (owner as written, file, line, comment) and
     * frees the rest (types, TTLs, rdata, the name tables' lookups), once an index holds it: a load
     * or a reload then needs the old and the new index and little besides.
     */
    void keepPlacesOnly() {
        freeLookups();
        typeClass = null;
        ttl = null;
        dataStart = null;
        dataLength = null;
        data = null;
    }

    /** Record i as dnsjava reads it, for messages and for callers that want records. */
    Record record(int i) {
        return Rdata.record(ownerName(i), type(i), dclass(i), ttl(i), rdata(i));
    }

    SourcedRecord sourced(int i) {
        return new SourcedRecord(record(i), file(i), line(i), comment(i));
    }

    /** The records not dropped, in file order, as dnsjava records with their places. */
    List<SourcedRecord> served() {
        List<SourcedRecord> served = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (!dropped(i)) {
                served.add(sourced(i));
            }
        }
        return served;
    }

    static RecordStore of(List<SourcedRecord> records) {
        RecordStore store = new RecordStore();
        for (SourcedRecord r : records) {
            store.add(r.record(), r.file(), r.line(), r.comment());
        }
        return store;
    }

    static RecordStore ofRecords(List<Record> records) {
        RecordStore store = new RecordStore();
        for (Record r : records) {
            store.add(r, "", 0, "");
        }
        return store;
    }
}
