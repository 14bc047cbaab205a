package dev.caadns.caa;

import java.util.List;

/**
 * Why a CA may or may not issue for an identifier: the search, the relevant RRset, the RFC verdict and
 * Let's Encrypt Boulder's where it reads CAA differently.
 *
 * @param identifier what was asked about
 * @param ca the CA asking
 * @param steps every CAA query of the search, in order
 * @param verdict the RFC 8659/8657/9495 decision
 * @param boulder Boulder's decision, or null for mailboxes (Boulder issues no S/MIME)
 */
public record Explanation(Identifier identifier, CaPolicy ca, List<Step> steps, Verdict verdict, Verdict boulder) {

    public Explanation {
        steps = List.copyOf(steps);
    }

    /** The step that found the relevant RRset, or null when none was found. */
    public Step relevant() {
        Step last = steps.isEmpty() ? null : steps.get(steps.size() - 1);
        return last != null && last.outcome() == Step.Outcome.CAA ? last : null;
    }

    /** True when Boulder would decide otherwise than the RFC. */
    public boolean boulderDiffers() {
        return boulder != null && boulder.permits() != verdict.permits();
    }
}
