package dev.caadns.dnssec;

import java.time.Duration;
import java.time.Instant;

/**
 * When signatures start and end: valid from an hour before they are made (for clocks behind ours)
 * for {@code validity}, remade once less than {@code refresh} of it is left. The fault windows lie
 * days outside the validity, beyond any validator's clock-skew allowance (Unbound forgives at most
 * 24 h).
 */
record SigningPolicy(Duration validity, Duration refresh) {
    private static final long BACKDATE = 3600;
    private static final long FAULT_MARGIN = 3 * 86400;

    long inception(Instant now) {
        return now.getEpochSecond() - BACKDATE;
    }

    long expiration(Instant now) {
        return now.getEpochSecond() + validity.toSeconds();
    }

    /** True while a signature that ends at expiration need not be remade. */
    boolean fresh(long expiration, Instant now) {
        return expiration - now.getEpochSecond() > refresh.toSeconds();
    }

    /** An RRSIG validity that ended days ago: {@code rrsig-expired}. */
    long[] expiredWindow(Instant now) {
        long end = now.getEpochSecond() - FAULT_MARGIN;
        return new long[] {end - validity.toSeconds(), end};
    }

    /** An RRSIG validity that starts in days: {@code rrsig-not-yet-valid}. */
    long[] futureWindow(Instant now) {
        long start = now.getEpochSecond() + FAULT_MARGIN;
        return new long[] {start, start + validity.toSeconds()};
    }
}
