package dev.caadns.zone;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;

/** Loads zone fixtures from src/test/resources/zone and summarises what came out. */
final class Fixtures {

    private Fixtures() {
    }

    static Path path(String resource) {
        try {
            return Path.of(Fixtures.class.getResource("/zone/" + resource).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalArgumentException("no fixture " + resource, e);
        }
    }

    static LoadedZone load(String resource) {
        return load(resource, LoadOptions.defaults());
    }

    static LoadedZone load(String resource, LoadOptions options) {
        return new ZoneLoader(options, List.of()).load(path(resource), null);
    }

    static Name name(String text) {
        try {
            return Name.fromString(text);
        } catch (TextParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** {@code CODE@file:line} per finding, file as its last path element, for compact asserts. */
    static List<String> where(LoadedZone zone) {
        return zone.findings().stream()
                .map(f -> f.code() + "@" + Path.of(f.file()).getFileName() + ":" + f.line())
                .toList();
    }

    /** {@code owner TYPE} of every served record, in order. */
    static List<String> served(LoadedZone zone) {
        return zone.records().stream()
                .map(r -> r.record().getName() + " " + org.xbill.DNS.Type.string(
                        r.record().getType()))
                .toList();
    }
}
