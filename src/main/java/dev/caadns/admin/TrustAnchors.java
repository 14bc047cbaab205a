package dev.caadns.admin;

import dev.caadns.answer.ZoneSet;
import java.util.List;
import org.xbill.DNS.DSRecord;

/**
 * The trust anchors behind GET /api/v1/dnssec/anchors: the DS of each signed zone whose parent is
 * not signed here. A seam, so the management API needs no signing code; the composition root passes
 * the signer's.
 */
@FunctionalInterface
public interface TrustAnchors {
    List<DSRecord> of(ZoneSet zones);
}
