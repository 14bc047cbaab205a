package dev.caadns.transfer;

import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One {@code transfer.allow} entry: a client may transfer when it sends from one of the address
 * blocks (none given: any address) and signs with the key (none given: signed or not).
 */
record AccessRule(Optional<String> key, List<IpSubnetFilterRule> from, List<String> fromText) {

    /** @throws IllegalArgumentException for a block that is not an IP address with an optional /prefix */
    static AccessRule of(Optional<String> key, List<String> from) {
        List<IpSubnetFilterRule> blocks = new ArrayList<>();
        for (String text : from) {
            blocks.add(block(text));
        }
        return new AccessRule(key.map(AccessRule::keyName), List.copyOf(blocks), List.copyOf(from));
    }

    private static IpSubnetFilterRule block(String text) {
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        if (!address.matches("[0-9a-fA-F:.]+") || address.isEmpty()) {
            throw new IllegalArgumentException("\"" + text + "\" is not an IP address or block like 127.0.0.1/32 or ::1");
        }
        InetAddress ip;
        try {
            ip = InetAddress.getByName(address);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not an IP address or block like 127.0.0.1/32 or ::1");
        }
        int bits = ip.getAddress().length * 8;
        int prefix = bits;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(text.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("\"" + text + "\": the prefix length must be 0 to " + bits);
            }
        }
        return new IpSubnetFilterRule(ip, prefix, IpFilterRuleType.ACCEPT);
    }

    /** Key names compare as DNS names do: in any case, with or without the final dot. */
    static String keyName(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        return lower.endsWith(".") ? lower : lower + ".";
    }

    /** @param signedWith the key name a verified request was signed with, or null when unsigned */
    boolean admits(InetSocketAddress client, String signedWith) {
        if (key.isPresent() && (signedWith == null || !key.get().equals(keyName(signedWith)))) {
            return false;
        }
        return from.isEmpty() || (client != null && from.stream().anyMatch(b -> b.matches(client)));
    }

    String describe() {
        return "{" + key.map(k -> " key = " + k).orElse("") + (fromText.isEmpty() ? "" : " from = " + fromText) + " }";
    }
}
