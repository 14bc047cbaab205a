package dev.caadns.caa.template;

/** Which matching names a rule synthesizes CAA at. */
enum AppliesTo {
    /** Only names the zone holds, empty non-terminals included: no name appears that was not there. */
    EXISTING,
    /** Every matching name, which then exists like a wildcard's: other types there answer NODATA. */
    ANY
}
