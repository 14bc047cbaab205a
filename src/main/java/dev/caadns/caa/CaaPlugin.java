package dev.caadns.caa;

import dev.caadns.answer.ZoneSynthesis;
import dev.caadns.caa.template.TemplateSynthesis;
import dev.caadns.caa.template.TemplateValidator;
import dev.caadns.config.ConfigError;
import dev.caadns.config.Settings;
import dev.caadns.server.Plugin;
import dev.caadns.zone.ZoneValidator;
import java.util.List;

/**
 * The CAA module as the server sees it: a check over every CAA record at load, and the CAA the
 * templates ({@code caa.templates}) add to the zones, answered as if written in them.
 */
public final class CaaPlugin implements Plugin {
    private final boolean allowInvalid;
    private final TemplateSynthesis templates;

    /** @param allowInvalid serve CAA errors as published (config {@code caa.allow-invalid}) */
    public CaaPlugin(boolean allowInvalid) {
        this(allowInvalid, TemplateSynthesis.none());
    }

    private CaaPlugin(boolean allowInvalid, TemplateSynthesis templates) {
        this.allowInvalid = allowInvalid;
        this.templates = templates;
    }

    /** Reads and checks {@code caa.templates}; a rule that cannot be read stops the start. */
    public static CaaPlugin forSettings(Settings settings) throws ConfigError {
        boolean allowInvalid = settings.caaAllowInvalid();
        return new CaaPlugin(allowInvalid,
                TemplateSynthesis.fromConfig(settings.config(), new CaaZoneValidator(allowInvalid)));
    }

    /** The template rules, for tools that show where a policy comes from. */
    public TemplateSynthesis templates() {
        return templates;
    }

    @Override
    public List<ZoneValidator> validators() {
        return List.of(new CaaZoneValidator(allowInvalid), new TemplateValidator(templates));
    }

    @Override
    public ZoneSynthesis synthesis() {
        return templates.isEmpty() ? ZoneSynthesis.NONE : templates;
    }
}
