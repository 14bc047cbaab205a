package dev.caadns.rrl;

import dev.caadns.wire.Query;
import dev.caadns.wire.Response;

/**
 * What kind of answer a response is, as Knot's and NSD's RRL tell them apart, so a flood of one kind
 * (a reflection attack on one name, or random subdomains) does not use up another's allowance.
 */
enum ResponseClass {
    POSITIVE, NODATA, NXDOMAIN, REFERRAL, ANY, ERROR;

    private static final int ANY_TYPE = 255;

    static ResponseClass of(Query q, Response r) {
        if (r.rcode() == Response.NXDOMAIN) {
            return NXDOMAIN;
        }
        if (r.rcode() != Response.NOERROR) {
            return ERROR;
        }
        if (q.type() == ANY_TYPE) {
            return ANY;
        }
        if (!r.answer().isEmpty()) {
            return POSITIVE;
        }
        return r.authoritative() ? NODATA : REFERRAL;
    }
}
