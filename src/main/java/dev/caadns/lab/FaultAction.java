package dev.caadns.lab;

import dev.caadns.wire.DnssecFault;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a fault does to the answer; delay and an extended error can come with any of them. */
public enum FaultAction {
    /** Answer as usual (a rule that only delays or attaches an extended error). */
    NONE,
    SERVFAIL,
    REFUSED,
    NXDOMAIN,
    /** No reply at all: the client times out. */
    TIMEOUT,
    /** TC set on the UDP reply, data kept: a client must still retry over TCP. */
    TC,
    /** UDP gets an empty reply with TC; TCP gets the answer. */
    TCP_ONLY,
    // The answer as usual with its DNSSEC records broken as the DnssecFault of the same name says.
    RRSIG_EXPIRED(DnssecFault.RRSIG_EXPIRED),
    RRSIG_NOT_YET_VALID(DnssecFault.RRSIG_NOT_YET_VALID),
    RRSIG_MISSING(DnssecFault.RRSIG_MISSING),
    RRSIG_BOGUS(DnssecFault.RRSIG_BOGUS),
    RRSIG_WRONG_KEY(DnssecFault.RRSIG_WRONG_KEY),
    DNSKEY_MISSING(DnssecFault.DNSKEY_MISSING),
    DS_MISMATCH(DnssecFault.DS_MISMATCH),
    NSEC_MISSING(DnssecFault.NSEC_MISSING);

    private final DnssecFault dnssecFault;

    FaultAction() {
        this(DnssecFault.NONE);
    }

    FaultAction(DnssecFault dnssecFault) {
        this.dnssecFault = dnssecFault;
    }

    /** The DNSSEC breakage this action asks of the answer path; NONE for the other actions. */
    public DnssecFault dnssecFault() {
        return dnssecFault;
    }

    /** The spelling in JSON and the config file: {@code tcp-only}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static FaultAction of(String label) {
        for (FaultAction a : values()) {
            if (a.label().equals(label)) {
                return a;
            }
        }
        throw new IllegalArgumentException("action: expected one of " + labels() + ", got \"" + label + "\"");
    }

    static String labels() {
        return Arrays.stream(values()).map(FaultAction::label).collect(Collectors.joining(", "));
    }
}
