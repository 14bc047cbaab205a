package dev.caadns.dnssec;

import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.xbill.DNS.DSRecord;

/** How trust anchors are written out, for the resolver that is to trust them. */
public enum AnchorFormat {
    /** DS records in presentation form, one per line. */
    DS,
    /** The same, as an Unbound {@code trust-anchor-file}. */
    UNBOUND,
    /** A BIND {@code trust-anchors { }} block of {@code static-ds} entries (named.conf, {@code delv -a}). */
    BIND;

    public static AnchorFormat named(String text) {
        try {
            return valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("format: expected ds, unbound or bind, got \"" + text + "\"");
        }
    }

    public String render(List<DSRecord> anchors) {
        StringBuilder out = new StringBuilder();
        switch (this) {
            case DS -> anchors.forEach(ds -> out.append(ds).append('\n'));
            case UNBOUND -> {
                out.append("; caadns trust anchors: trust-anchor-file: \"<this file>\" in unbound.conf\n");
                anchors.forEach(ds -> out.append(ds).append('\n'));
            }
            case BIND -> {
                out.append("trust-anchors {\n");
                anchors.forEach(ds -> out.append("    ").append(ds.getName()).append(" static-ds ")
                        .append(ds.getFootprint()).append(' ').append(ds.getAlgorithm()).append(' ')
                        .append(ds.getDigestID()).append(" \"")
                        .append(HexFormat.of().withUpperCase().formatHex(ds.getDigest())).append("\";\n"));
                out.append("};\n");
            }
        }
        return out.toString();
    }
}
