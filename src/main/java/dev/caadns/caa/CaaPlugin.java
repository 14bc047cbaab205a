package dev.caadns.caa;

import dev.caadns.server.Plugin;
import dev.caadns.zone.ZoneValidator;
import java.util.List;

/**
 * The CAA module as the server sees it: a check over every CAA record at load. It answers nothing
 * itself; CAA records are served by the zone data like any other type.
 */
public final class CaaPlugin implements Plugin {
    private final boolean allowInvalid;

    /** @param allowInvalid serve CAA errors as published (config {@code caa.allow-invalid}) */
    public CaaPlugin(boolean allowInvalid) {
        this.allowInvalid = allowInvalid;
    }

    @Override
    public List<ZoneValidator> validators() {
        return List.of(new CaaZoneValidator(allowInvalid));
    }
}
