package dev.caadns.lab;

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
    TCP_ONLY;

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
