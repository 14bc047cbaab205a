package dev.caadns.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.xbill.DNS.Name;

/**
 * The template fixture: {@code tpl.test.zone}, the rules in {@code rules.conf} (one of each kind) and
 * their {@code tenants.csv}, copied to a folder so the config's relative table path resolves there.
 */
public final class TemplateZones {
    public static final Name ORIGIN = Name.fromConstantString("tpl.test.");
    private static final List<String> FILES = List.of("tpl.test.zone", "rules.conf", "tenants.csv");

    private TemplateZones() {
    }

    /** Copies the fixture into dir; returns the config file. */
    public static Path copyTo(Path dir) {
        try {
            Path folder = TestZones.inResourceFolder("templates").get(ORIGIN).getParent();
            for (String file : FILES) {
                Files.copy(folder.resolve(file), dir.resolve(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir.resolve("rules.conf");
    }

    public static Map<Name, Path> zones(Path dir) {
        return Map.of(ORIGIN, dir.resolve("tpl.test.zone"));
    }

    /** Flags serving only the fixture zone, as HOCON paths for the settings loader. */
    public static Map<String, Object> zoneFlags(Path dir) {
        return Map.of("zones.files", List.of(Map.of("origin", ORIGIN.toString(),
                "file", dir.resolve("tpl.test.zone").toString())), "listen", List.of("127.0.0.1:0"), "workers", 1);
    }
}
