package dev.caadns.lab;

import java.util.Locale;

/** Which transport a fault applies to: any, or one of the transports queries arrive by. */
public enum Transport {
    ANY, UDP, TCP, DOT, DOH;

    boolean matches(dev.caadns.wire.Transport arrived) {
        return this == ANY || name().equals(arrived.name());
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Transport of(String label) {
        for (Transport t : values()) {
            if (t.label().equals(label)) {
                return t;
            }
        }
        throw new IllegalArgumentException("transport: expected any, udp, tcp, dot or doh, got \"" + label + "\"");
    }
}
