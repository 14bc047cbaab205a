package dev.caadns.zone;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Generator;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.TTL;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Tokenizer;
import org.xbill.DNS.Type;

/**
 * Reads one zone's master file and its {@code $INCLUDE}s into sourced records (RFC 1035 §5.1,
 * RFC 2308 §4 for {@code $TTL}). Syntax problems become findings at their file and line; reading
 * goes on with the next entry so one typo does not hide the rest.
 */
final class MasterFileParser {

    /** Said instead of the text of a file outside the zone's folder, which may be anything (a secret). */
    private static final String UNQUOTED = "not a zone-file entry (its text is not shown: the file is outside"
            + " the zone file's folder)";
    static final String SYNTAX_HINT = "fix the entry (RFC 1035 §5.1); rdata dnsjava cannot read"
            + " can be written in RFC 3597 form: TYPEnnn \\# <length> <hex>";

    /** What a file produced; {@code order} ranks each file:line by when it was read. */
    record Result(Name origin, RecordStore store, List<Finding> findings, ReadOrder order) {
        /** Every record read, in file order, as dnsjava records (for tests and small tools). */
        List<SourcedRecord> records() {
            return store.served();
        }
    }

    /** Parse state that RFC 1035 carries from entry to entry within one file. */
    private static final class State {
        private Name origin;
        private byte[] originWire;
        long defaultTtl;
        long lastTtl;
        /** Wire form as written, or null. */
        byte[] lastOwner;

        State(Name origin, long defaultTtl, long lastTtl) {
            origin(origin);
            this.defaultTtl = defaultTtl;
            this.lastTtl = lastTtl;
        }

        Name origin() {
            return origin;
        }

        void origin(Name name) {
            origin = name;
            originWire = WireName.asWritten(name);
        }

        /** The written TTL, else $TTL, else the previous record's (RFC 2308 §4); -1 if none. */
        long ttl(long written) {
            if (written >= 0) {
                return written;
            }
            return defaultTtl >= 0 ? defaultTtl : lastTtl;
        }
    }

    /** TTL, class and type of a record; {@code ttl} is -1 when omitted. */
    private record Header(long ttl, int dclass, int type, int tokens) {
    }

    /** A syntax error with a hint more specific than {@link #SYNTAX_HINT}. */
    private static final class EntryException extends Exception {
        final String code;
        final String hint;

        EntryException(String code, String message, String hint) {
            super(message);
            this.code = code;
            this.hint = hint;
        }
    }

    private final LoadOptions options;
    private final LoadBudget budget;
    /** Text of files outside it is never quoted in findings ({@code $INCLUDE /proc/self/environ}). */
    private final Path zoneFolder;
    private final RecordStore records;
    private final List<Finding> findings = new ArrayList<>();
    private final ReadOrder order = new ReadOrder();
    private final Deque<Path> including = new ArrayDeque<>();
    private final PlainRecordReader plain;
    private Name zoneOrigin;

    private MasterFileParser(LoadOptions options, LoadBudget budget, Name zoneOrigin, boolean plainPath,
                             long textBytes, Path zoneFolder) {
        this.options = options;
        this.budget = budget;
        this.zoneFolder = zoneFolder;
        this.records = RecordStore.forText(textBytes);
        this.zoneOrigin = zoneOrigin;
        this.plain = plainPath ? new PlainRecordReader() : null;
    }

    /**
     * @param origin the zone's origin, or null to take the one in effect at the first record
     * @param fallbackOrigin the origin relative names start from (the file name's)
     */
    static Result parse(Path file, Name origin, Name fallbackOrigin, LoadOptions options)
            throws IOException {
        return parse(file, origin, fallbackOrigin, options, true);
    }

    /** @param plainPath false reads every entry with dnsjava's tokenizer (to test the fast path) */
    static Result parse(Path file, Name origin, Name fallbackOrigin, LoadOptions options,
                        boolean plainPath) throws IOException {
        LoadBudget budget = new LoadBudget(options);
        Name start = origin != null ? origin : fallbackOrigin;
        ZoneText text;
        try {
            text = budget.open(file.toRealPath(), file.toString());
        } catch (LoadBudget.Exceeded e) {
            return new Result(start, new RecordStore(), List.of(Findings.error("Z-LOAD-BUDGET", e.file, e.line,
                    null, e.getMessage(), e.hint)), new ReadOrder());
        }
        MasterFileParser parser = new MasterFileParser(options, budget, origin, plainPath,
                text.size(), file.toRealPath().getParent());
        parser.including.push(file.toRealPath());
        try (text) {
            parser.readText(file, text, new State(start, -1, -1), 0);
        } catch (LoadBudget.Exceeded e) {
            // Nothing of a zone over budget is served, so nothing more of it is checked either.
            parser.findings.add(Findings.error("Z-LOAD-BUDGET", e.file, e.line, null, e.getMessage(), e.hint));
            Name zone = parser.zoneOrigin != null ? parser.zoneOrigin : start;
            return new Result(zone, new RecordStore(), parser.findings, parser.order);
        }
        Name zone = parser.zoneOrigin != null ? parser.zoneOrigin : start;
        parser.records.findNodes();
        return new Result(zone, parser.records, parser.findings, parser.order);
    }

    private void readText(Path file, ZoneText text, State state, int depth) throws IOException {
        String source = file.toString();
        boolean quotable = quotable(file);
        EntryReader.split(source, text, new EntryReader.Entries() {
            @Override
            public boolean line(byte[] bytes, int from, int to, int line, String comment,
                                boolean ownerOmitted) {
                if (plain == null || (!ownerOmitted && bytes[from] == '$')
                        || !plainRecord(bytes, from, to, ownerOmitted, state)) {
                    return false;
                }
                order.saw(source, line);
                budget.record(records.size(), source, line);
                addPlain(state, source, line, comment);
                return true;
            }

            @Override
            public void entry(Entry entry) {
                order.saw(entry.file(), entry.line());
                try {
                    read(file, entry, state, depth);
                } catch (EntryException e) {
                    findings.add(Findings.error(e.code, entry.file(), entry.line(), null,
                            quotable ? e.getMessage() : UNQUOTED, e.hint));
                } catch (IOException | IllegalArgumentException e) {
                    findings.add(Findings.error("Z-SYNTAX", entry.file(), entry.line(),
                            null, quotable ? clean(e.getMessage()) : UNQUOTED, SYNTAX_HINT));
                }
            }

            @Override
            public void unreadable(EntryReader.SplitException e) {
                order.saw(source, e.line);
                findings.add(Findings.error("Z-SYNTAX", source, e.line, quotable ? ownerBeingRead(e, state) : null,
                        quotable ? e.getMessage() : UNQUOTED, "balance the parentheses and quotes of this entry"));
            }
        });
    }

    /** The owner of an entry that could not be split: as written, else the previous record's. */
    private static Name ownerBeingRead(EntryReader.SplitException e, State state) {
        if (e.ownerWord == null) {
            return state.lastOwner == null ? null : WireName.toName(state.lastOwner);
        }
        if (e.ownerWord.startsWith("$")) {
            return null;
        }
        try {
            return name(e.ownerWord, state.origin());
        } catch (TextParseException unreadable) {
            return null;
        }
    }

    private void read(Path file, Entry entry, State state, int depth)
            throws IOException, EntryException {
        if (!entry.isDirective()) {
            record(entry, state);
            return;
        }
        Tokenizer st = tokenizer(entry.text());
        String directive = st.getString().toUpperCase(Locale.ROOT);
        switch (directive) {
            case "$ORIGIN" -> {
                state.origin(name(st.getString(), state.origin()));
                st.getEOL();
            }
            case "$TTL" -> {
                state.defaultTtl = st.getTTL();
                st.getEOL();
            }
            case "$INCLUDE" -> include(file, entry, st, state, depth);
            case "$GENERATE" -> generate(entry, st, state);
            default -> throw new EntryException("Z-SYNTAX", "unknown directive " + directive,
                    "use $ORIGIN, $TTL, $INCLUDE or $GENERATE, or put the owner name in place");
        }
    }

    private void record(Entry entry, State state) throws IOException, EntryException {
        budget.record(records.size(), entry.file(), entry.line());
        Record record = tokenizedRecord(entry, state);
        state.lastOwner = WireName.asWritten(record.getName());
        state.lastTtl = record.getTTL();
        firstRecord(state);
        records.add(record, entry.file(), entry.line(), entry.comment());
    }

    private void firstRecord(State state) {
        if (zoneOrigin == null) {
            zoneOrigin = state.origin();
        }
    }

    /** The fast path for common entries; false hands the entry to dnsjava's tokenizer. */
    private boolean plainRecord(byte[] text, int from, int to, boolean ownerOmitted, State state) {
        if (!plain.header(text, from, to, ownerOmitted)) {
            return false;
        }
        if (ownerOmitted ? state.lastOwner == null : !plain.owner(state.originWire)) {
            return false;
        }
        return state.ttl(plain.ttl()) >= 0 && plain.rdata(state.originWire);
    }

    /** Stores what {@link #plainRecord} read. */
    private void addPlain(State state, String source, int line, String comment) {
        long ttl = state.ttl(plain.ttl());
        byte[] owner = plain.ownerWritten() ? plain.owner() : state.lastOwner;
        int length = plain.ownerWritten() ? plain.ownerLength() : owner.length;
        state.lastTtl = ttl;
        firstRecord(state);
        records.add(owner, 0, length, plain.type(), plain.dclass(), ttl, plain.rdata(), 0,
                plain.rdataLength(), source, line, comment);
        state.lastOwner = records.owner(records.size() - 1); // the store's copy: no array per record
    }

    private Record tokenizedRecord(Entry entry, State state) throws IOException, EntryException {
        Tokenizer st = tokenizer(entry.text());
        Name owner;
        if (entry.ownerOmitted()) {
            if (state.lastOwner == null) {
                throw new EntryException("Z-SYNTAX", "record starts with a blank but no owner"
                        + " name came before it", "write the owner name at the start of the line");
            }
            owner = WireName.toName(state.lastOwner);
        } else {
            owner = name(st.getString(), state.origin());
        }
        Header header = header(st);
        long ttl = ttl(header, state);
        boolean ttlFromSoa = ttl < 0;
        int skip = header.tokens() + (entry.ownerOmitted() ? 0 : 1);
        Record record = RdataReader.read(owner, header.type(), header.dclass(),
                ttlFromSoa ? 0 : ttl, st, state.origin(), () -> skipped(entry.text(), skip));
        if (ttlFromSoa) {
            // BIND's fallback when neither the record nor $TTL gives one
            record = Rdata.withTtl(record, ((SOARecord) record).getMinimum());
        }
        return record;
    }

    /** -1 means "take the SOA minimum", which only an SOA may do. */
    private static long ttl(Header header, State state) throws EntryException {
        long ttl = state.ttl(header.ttl());
        if (ttl >= 0) {
            return ttl;
        }
        if (header.type() == Type.SOA) {
            return -1;
        }
        throw new EntryException("Z-SYNTAX", "record has no TTL and no $TTL or earlier record"
                + " gives one", "add \"$TTL 3600\" at the top of the file or a TTL to this record");
    }

    /** {@code [class] [ttl] [class] type}, in the order RFC 1035 allows. */
    private static Header header(Tokenizer st) throws IOException {
        int tokens = 1;
        String s = st.getString();
        int dclass = DClass.value(s);
        boolean seenClass = dclass >= 0;
        if (seenClass) {
            s = st.getString();
            tokens++;
        }
        long ttl = -1;
        if (!s.isEmpty() && Character.isDigit(s.charAt(0))) {
            try {
                ttl = TTL.parseTTL(s);
            } catch (NumberFormatException e) {
                throw st.exception("bad TTL '" + s + "'");
            }
            s = st.getString();
            tokens++;
        }
        if (!seenClass) {
            dclass = DClass.value(s);
            if (dclass >= 0) {
                s = st.getString();
                tokens++;
            } else {
                dclass = DClass.IN;
            }
        }
        int type = Type.value(s);
        if (type < 0) {
            throw st.exception("unknown type '" + s + "'");
        }
        return new Header(ttl, dclass, type, tokens);
    }

    private void include(Path file, Entry entry, Tokenizer st, State state, int depth)
            throws IOException, EntryException {
        String target = st.getString();
        Name origin = state.origin();
        Tokenizer.Token next = st.get();
        if (next.isString()) {
            origin = name(next.value(), state.origin());
            st.getEOL();
        }
        // relative to the including file's folder, as dnsjava's Master does
        Path included = file.resolveSibling(target);
        Path real;
        try {
            real = included.toRealPath();
        } catch (NoSuchFileException e) {
            throw new EntryException("Z-INCLUDE-MISSING", "$INCLUDE " + included + ": no such file",
                    "create the file or fix the path (relative paths start at the including file's"
                            + " folder)");
        }
        if (including.contains(real)) {
            throw new EntryException("Z-INCLUDE-LOOP", "$INCLUDE " + included
                    + " includes a file that is already being read", "remove the $INCLUDE that"
                    + " closes the loop");
        }
        if (depth + 1 > options.maxIncludeDepth()) {
            throw new EntryException("Z-INCLUDE-DEPTH", "$INCLUDE " + included + " nests deeper than "
                    + options.maxIncludeDepth() + " files", "flatten the includes or raise the"
                    + " include depth limit");
        }
        byte[] text;
        try {
            text = budget.read(real, true, entry.file(), entry.line());
        } catch (LoadBudget.NotARegularFile e) {
            throw new EntryException("Z-INCLUDE-NOT-FILE", "$INCLUDE " + included + ": " + e.getMessage(),
                    "include zone-file text only");
        }
        including.push(real);
        readText(included, ZoneText.whole(text), new State(origin, state.defaultTtl, state.lastTtl), depth + 1);
        including.pop();
    }

    /** BIND's {@code $GENERATE range lhs [ttl] [class] type rhs}, expanded by dnsjava. */
    private void generate(Entry entry, Tokenizer st, State state)
            throws IOException, EntryException {
        String range = st.getString();
        long[] bounds = range(range);
        if (bounds == null) {
            throw st.exception("bad $GENERATE range '" + range + "' (want start-stop[/step])");
        }
        long count = (bounds[1] - bounds[0]) / bounds[2] + 1;
        if (count > options.maxGenerateRange()) {
            throw new EntryException("Z-GENERATE-RANGE", "$GENERATE " + range + " would make "
                    + count + " records, more than the limit of " + options.maxGenerateRange(),
                    "split the range or raise the $GENERATE limit");
        }
        budget.generating(count, entry.file(), entry.line());
        String lhs = st.getString();
        Header header = header(st);
        if (!Generator.supportedType(header.type())) {
            throw new EntryException("Z-SYNTAX", "$GENERATE does not support "
                    + Type.string(header.type()), "write the records out one by one; $GENERATE"
                    + " makes only PTR, CNAME, DNAME, A, AAAA and NS records");
        }
        String rhs = st.getString();
        st.getEOL();
        long ttl = ttl(header, state);
        Generator generator = new Generator(bounds[0], bounds[1], bounds[2], lhs, header.type(),
                header.dclass(), ttl, rhs, state.origin());
        for (Record record = generator.nextRecord(); record != null;
             record = generator.nextRecord()) {
            budget.record(records.size(), entry.file(), entry.line());
            records.add(record, entry.file(), entry.line(), entry.comment());
        }
    }

    /** Whether a file's text may be quoted in findings: only the zone's own folder's files. */
    private boolean quotable(Path file) {
        try {
            return file.toRealPath().startsWith(zoneFolder);
        } catch (IOException e) {
            return false;
        }
    }

    /** {start, stop, step}, or null when malformed. */
    private static long[] range(String spec) {
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("(\\d{1,10})-(\\d{1,10})(?:/(\\d{1,10}))?").matcher(spec);
        if (!m.matches()) {
            return null;
        }
        long start = Long.parseLong(m.group(1));
        long stop = Long.parseLong(m.group(2));
        long step = m.group(3) == null ? 1 : Long.parseLong(m.group(3));
        return start > stop || step == 0 ? null : new long[] {start, stop, step};
    }

    private static Name name(String text, Name origin) throws TextParseException {
        Name name = Name.fromString(text, origin);
        if (!name.isAbsolute()) {
            throw new TextParseException("relative name '" + text + "' and no origin to"
                    + " complete it; end it with a dot or set $ORIGIN");
        }
        return name;
    }

    private static Tokenizer tokenizer(String text) {
        // bytes as the file held them: the tokenizer and the long-CAA path read them 1:1
        return new Tokenizer(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)));
    }

    /** A tokenizer over {@code text} with its first {@code tokens} tokens consumed. */
    private static Tokenizer skipped(String text, int tokens) {
        Tokenizer st = tokenizer(text);
        try {
            for (int i = 0; i < tokens; i++) {
                st.getString();
            }
        } catch (IOException e) {
            throw new IllegalStateException("re-reading an entry that parsed before", e);
        }
        return st;
    }

    /** Drops the tokenizer's "file:line:" prefix; findings carry their own place. */
    private static String clean(String message) {
        return message == null ? "unreadable entry" : message.replaceFirst("^<none>:\\d+: ", "");
    }
}
