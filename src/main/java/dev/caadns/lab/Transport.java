package dev.caadns.lab;

import java.util.Locale;

/** Which transport a fault applies to. */
public enum Transport {
    ANY, UDP, TCP;

    boolean matches(boolean tcp) {
        return this == ANY || (this == TCP) == tcp;
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
        throw new IllegalArgumentException("transport: expected any, udp or tcp, got \"" + label + "\"");
    }
}
