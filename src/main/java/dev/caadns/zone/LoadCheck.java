package dev.caadns.zone;

import java.util.List;
import org.xbill.DNS.Name;

/** One load-time check: reports what it finds, and drops or fixes records in place. */
interface LoadCheck {
    void apply(Name origin, RecordStore records, List<Finding> findings);
}
