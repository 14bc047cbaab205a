package dev.caadns.caa;

import org.xbill.DNS.Name;

/** Says where a CAA RRset that was answered comes from when not from a zone file (a template rule). */
@FunctionalInterface
public interface PolicySources {
    PolicySources ZONE_FILES_ONLY = owner -> null;

    /** E.g. {@code synthesized by rule 2 (caadns.conf:31, table row 3)}, or null for a zone file's RRset. */
    String sourceOf(Name owner);
}
