package dev.caadns.zone;

import java.util.List;

/**
 * A check run over a loaded zone by a plugin (the CAA module is one), so the core need not know
 * what the plugin checks.
 */
public interface ZoneValidator {
    List<Finding> validate(LoadedZone zone);
}
