package dev.caadns.wire;

import java.util.Locale;

/**
 * How a query arrived. Everything but UDP rides on TCP (DoT is TCP framing under TLS, DoH an HTTP
 * body), so only UDP replies are ever cut to a size limit.
 */
public enum Transport {
    UDP, TCP, DOT, DOH;

    /** The name the journal, the metrics and fault rules use: {@code udp}, {@code tcp}, {@code dot}, {@code doh}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
