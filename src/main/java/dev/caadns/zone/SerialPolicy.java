package dev.caadns.zone;

/**
 * What a runtime change (the management API, an UPDATE) does to its zone's SOA serial
 * ({@code zones.serial-policy}). A zone file reloaded with a serial after it takes over again.
 */
public enum SerialPolicy {
    /** The serial goes up by one: secondaries see the change and fetch it. */
    INCREMENT,
    /** The serial becomes the Unix time, or goes up by one when that is not after it. */
    UNIXTIME,
    /** The serial stays: the change is served, and secondaries are not told (they keep the old data). */
    KEEP;

    /** The serial after a change to a zone whose serial is current, at nowSeconds (Unix time). */
    public long next(long current, long nowSeconds) {
        return switch (this) {
            case INCREMENT -> Serial.add(current, 1);
            case UNIXTIME -> Serial.isAfter(nowSeconds & 0xffffffffL, current) ? nowSeconds & 0xffffffffL
                    : Serial.add(current, 1);
            case KEEP -> current;
        };
    }

}
