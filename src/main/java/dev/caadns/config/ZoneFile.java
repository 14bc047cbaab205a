package dev.caadns.config;

import java.nio.file.Path;
import org.xbill.DNS.Name;

/**
 * One entry of {@code zones.files}: a zone file to serve.
 *
 * @param originOrNull the zone's origin, or null to take it from the file's SOA
 * @param file the file, already resolved against the config file's folder
 */
public record ZoneFile(Name originOrNull, Path file) {
}
