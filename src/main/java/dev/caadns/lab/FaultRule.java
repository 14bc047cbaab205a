package dev.caadns.lab;

import java.util.Set;
import org.xbill.DNS.Name;

/**
 * One fault: which queries it hits and what it does to them.
 *
 * @param id names the rule in the API, the journal and the metrics
 * @param name the exact name, or the top of the subtree, it applies to
 * @param subtree true when names below {@code name} are hit too
 * @param types query types hit; empty means every type
 * @param transport one transport (udp, tcp, dot, doh) or any
 * @param action what happens to the answer
 * @param delayMillis how long the reply is held back; 0 = none
 * @param edeCode RFC 8914 INFO-CODE attached when the client sent EDNS; -1 = none
 * @param edeText EXTRA-TEXT with it
 * @param times how often the rule fires before it clears itself; 0 = until removed
 * @param probability chance that a matching query is hit, above 0 and at most 1
 */
public record FaultRule(String id, Name name, boolean subtree, Set<Integer> types, Transport transport,
                        FaultAction action, int delayMillis, int edeCode, String edeText, int times,
                        double probability) {

    public FaultRule {
        types = Set.copyOf(types);
    }

    FaultRule withId(String newId) {
        return new FaultRule(newId, name, subtree, types, transport, action, delayMillis, edeCode, edeText,
                times, probability);
    }
}
