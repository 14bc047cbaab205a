package dev.caadns.config;

/** How caadns answers a name that no zone file holds ({@code outside-zones}). */
public enum OutsideZones {
    /**
     * REFUSED, as an authoritative server does, except under an implicit lab zone the management API
     * made for a host outside every zone file.
     */
    REFUSED,
    /**
     * As pebble-challtestsrv: every such name exists, so any type we hold nothing for is an empty
     * NOERROR with a made-up SOA (and the default address for A and AAAA).
     */
    CHALLTESTSRV
}
