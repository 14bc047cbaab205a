package dev.caadns.caa;

import com.fasterxml.jackson.databind.JsonNode;
import dev.caadns.answer.Lookup;
import dev.caadns.answer.ZoneSynthesis;
import dev.caadns.caa.template.TemplateSynthesis;
import dev.caadns.caa.template.TemplateValidator;
import dev.caadns.config.ConfigError;
import dev.caadns.config.Settings;
import dev.caadns.server.Plugin;
import dev.caadns.zone.Finding;
import dev.caadns.zone.LoadedZone;
import dev.caadns.zone.SourcedRecord;
import dev.caadns.zone.ZoneValidator;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * The CAA module as the server sees it: a check over every CAA record at load and over every CAA
 * RRset set at runtime, the CAA the templates ({@code caa.templates}) add to the zones, answered as
 * if written in them, and the explain verdict for the management API.
 */
public final class CaaPlugin implements Plugin {
    /** The file name findings carry for an RRset set through the management API. */
    private static final String RUNTIME_SOURCE = "management-api";

    private final CaaZoneValidator validator;
    private final TemplateSynthesis templates;

    /** @param allowInvalid serve CAA errors as published (config {@code caa.allow-invalid}) */
    public CaaPlugin(boolean allowInvalid) {
        this(new CaaZoneValidator(allowInvalid), TemplateSynthesis.none());
    }

    private CaaPlugin(CaaZoneValidator validator, TemplateSynthesis templates) {
        this.validator = validator;
        this.templates = templates;
    }

    /** Reads and checks {@code caa.templates}; a rule that cannot be read stops the start. */
    public static CaaPlugin forSettings(Settings settings) throws ConfigError {
        CaaZoneValidator validator = new CaaZoneValidator(settings.caaAllowInvalid());
        return new CaaPlugin(validator, TemplateSynthesis.fromConfig(settings.config(), validator));
    }

    /** The template rules, for tools that show where a policy comes from. */
    public TemplateSynthesis templates() {
        return templates;
    }

    @Override
    public List<ZoneValidator> validators() {
        return List.of(validator, new TemplateValidator(templates));
    }

    @Override
    public ZoneSynthesis synthesis() {
        return templates.isEmpty() ? ZoneSynthesis.NONE : templates;
    }

    @Override
    public List<Finding> checkRRset(List<Record> rrset) {
        if (rrset.isEmpty() || rrset.get(0).getType() != Type.CAA) {
            return List.of();
        }
        List<SourcedRecord> records = rrset.stream().map(r -> new SourcedRecord(r, RUNTIME_SOURCE, 0, "")).toList();
        return validator.validate(new LoadedZone(rrset.get(0).getName(), Path.of(RUNTIME_SOURCE), records, List.of(), 0));
    }

    /** The explain verdict as JSON, for {@code GET /api/v1/explain}; a bad identifier is an IllegalArgumentException. */
    public static JsonNode explain(String identifier, String ca, Optional<String> account, Optional<String> method,
                                   Lookup lookup) {
        CaPolicy policy = new CaPolicy(List.of(ca), account, method);
        return ExplanationJson.tree(CaaExplainer.explain(Identifier.parse(identifier), policy, lookup));
    }
}
