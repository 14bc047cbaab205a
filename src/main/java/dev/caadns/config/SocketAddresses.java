package dev.caadns.config;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses {@code 127.0.0.1:8053} and {@code [::1]:8053} without ever asking DNS. */
public final class SocketAddresses {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+(%[\\w.-]+)?");

    private SocketAddresses() {
    }

    /** @throws IllegalArgumentException with the reason, when the text is not a literal IP and port */
    public static InetSocketAddress parse(String text) {
        String host;
        String port;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0 || close + 1 >= text.length() || text.charAt(close + 1) != ':') {
                throw new IllegalArgumentException("an IPv6 address needs the form [::1]:8053");
            }
            host = text.substring(1, close);
            port = text.substring(close + 2);
            if (!IPV6.matcher(host).matches() || !host.contains(":")) {
                throw new IllegalArgumentException("\"" + host + "\" is not an IPv6 address");
            }
        } else {
            int colon = text.lastIndexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("the port is missing");
            }
            if (text.indexOf(':') != colon) {
                throw new IllegalArgumentException("write an IPv6 address in brackets, like [::1]:8053");
            }
            host = text.substring(0, colon);
            port = text.substring(colon + 1);
            checkIpv4(host);
        }
        return new InetSocketAddress(literal(host), port(port));
    }

    private static void checkIpv4(String host) {
        Matcher m = IPV4.matcher(host);
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "\"" + host + "\" is not an IP address (host names are not resolved; use an address)");
        }
        for (int i = 1; i <= 4; i++) {
            if (Integer.parseInt(m.group(i)) > 255) {
                throw new IllegalArgumentException("\"" + host + "\" is not an IPv4 address");
            }
        }
    }

    // Only called with a checked literal, so getByName parses it and never does a lookup.
    private static InetAddress literal(String host) {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("\"" + host + "\" is not an IP address");
        }
    }

    private static int port(String text) {
        if (!text.matches("\\d{1,5}") || Integer.parseInt(text) > 65535) {
            throw new IllegalArgumentException("the port must be a number from 0 to 65535");
        }
        return Integer.parseInt(text);
    }
}
