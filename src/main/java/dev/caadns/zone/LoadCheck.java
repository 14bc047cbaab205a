package dev.caadns.zone;

import java.util.List;
import org.xbill.DNS.Name;

/** One load-time check: reports what it finds and returns the records that stay served. */
interface LoadCheck {
    List<SourcedRecord> apply(Name origin, List<SourcedRecord> records, List<Finding> findings);
}
