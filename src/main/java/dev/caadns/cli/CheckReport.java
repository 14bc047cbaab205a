package dev.caadns.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.caadns.zone.Finding;
import dev.caadns.zone.LoadedZone;
import dev.caadns.zone.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code caadns check} found over a set of zones, and its two printed forms. An error that
 * allow-invalid waives is counted apart: serve would load its zone, so only {@code --strict} fails on it.
 */
record CheckReport(int zones, List<Finding> findings) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    CheckReport {
        findings = List.copyOf(findings);
    }

    static CheckReport of(List<LoadedZone> loaded) {
        List<Finding> findings = new ArrayList<>();
        loaded.forEach(zone -> findings.addAll(zone.findings()));
        return new CheckReport(loaded.size(), findings);
    }

    long errors() {
        return findings.stream().filter(Finding::blocksServing).count();
    }

    long warnings() {
        return findings.stream().filter(f -> f.severity() == Severity.WARNING).count();
    }

    long waived() {
        return findings.stream().filter(Finding::waived).count();
    }

    /** Errors always fail; with {@code strict}, so do warnings and waived errors. */
    boolean fails(boolean strict) {
        return errors() > 0 || strict && findings.size() > 0;
    }

    /** One compiler-style line per finding, then {@code 2 zones, 1 error, 3 warnings}. */
    String text() {
        StringBuilder out = new StringBuilder();
        findings.forEach(f -> out.append(f.format()).append('\n'));
        out.append(count(zones, "zone")).append(", ").append(count(errors(), "error")).append(", ")
                .append(count(warnings(), "warning"));
        if (waived() > 0) {
            out.append(", ").append(count(waived(), "waived error"));
        }
        return out.append('\n').toString();
    }

    /** {@code {"findings":[{"file","line","owner","severity","code","message","hint","waived"}...],"summary":{...}}}. */
    String json() {
        ObjectNode root = MAPPER.createObjectNode();
        var list = root.putArray("findings");
        for (Finding f : findings) {
            ObjectNode node = list.addObject();
            node.put("file", f.file());
            node.put("line", f.line());
            node.put("owner", f.owner());
            node.put("severity", f.severity().label());
            node.put("code", f.code());
            node.put("message", f.message());
            node.put("hint", f.hint());
            node.put("waived", f.waived());
        }
        ObjectNode summary = root.putObject("summary");
        summary.put("zones", zones);
        summary.put("errors", errors());
        summary.put("warnings", warnings());
        summary.put("waived", waived());
        return root.toPrettyString() + '\n';
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
