package dev.caadns.cli;

import dev.caadns.answer.LocalLookup;
import dev.caadns.caa.CaPolicy;
import dev.caadns.caa.CaaExplainer;
import dev.caadns.caa.Explanation;
import dev.caadns.caa.ExplanationJson;
import dev.caadns.caa.ExplanationText;
import dev.caadns.caa.Identifier;
import dev.caadns.config.ConfigError;
import dev.caadns.config.Settings;
import dev.caadns.server.CaadnsServer;
import dev.caadns.server.ZonesAndChain;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code caadns explain}: load the zones as serve would, ask them in-process the CAA questions a CA
 * asks, and say whether that CA may issue and why.
 */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Say whether a CA may issue for IDENTIFIER under the zones caadns would serve, and why.",
            "Exit 0 when a verdict was reached (permit or deny); 2 on bad flags, config or zones."})
final class ExplainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IDENTIFIER", converter = IdentifierConverter.class,
            description = "www.lab.test, a wildcard *.lab.test, or a mailbox user@lab.test (S/MIME).")
    Identifier identifier;

    @Option(names = "--ca", required = true, paramLabel = "ISSUER",
            description = "An issuer domain the CA takes as its own, e.g. letsencrypt.org; repeatable.")
    List<String> issuers;

    @Option(names = "--account", paramLabel = "URI", description = "The requesting ACME account (RFC 8657 accounturi).")
    String account;

    @Option(names = "--method", paramLabel = "METHOD",
            description = "The validation method used (RFC 8657 validationmethods), e.g. http-01.")
    String method;

    @Mixin
    ZonesOption zones;

    @Mixin
    ConfigOption config;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default): the search step by step and the verdicts; json: one object.")
    OutputFormat format;

    @Override
    public Integer call() {
        CommandLine cli = spec.commandLine();
        ZonesAndChain served;
        try {
            Map<String, Object> flags = new HashMap<>();
            zones.addTo(flags);
            Settings settings = config.load(flags);
            served = ZonesAndChain.assemble(settings, Plugins.forSettings(settings));
        } catch (ConfigError | CaadnsServer.StartupException e) {
            cli.getErr().println(e.getMessage());
            return CommandLine.ExitCode.USAGE;
        }
        Explanation explanation = CaaExplainer.explain(identifier, ca(), new LocalLookup(served.chain()));
        cli.getOut().print(format == OutputFormat.JSON ? ExplanationJson.render(explanation) + '\n'
                : ExplanationText.render(explanation));
        cli.getOut().flush();
        return CommandLine.ExitCode.OK;
    }

    /** Lets picocli report a bad identifier as the usage error it is. */
    static final class IdentifierConverter implements CommandLine.ITypeConverter<Identifier> {
        @Override
        public Identifier convert(String text) {
            try {
                return Identifier.parse(text);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("bad identifier '" + text + "': " + e.getMessage());
            }
        }
    }

    private CaPolicy ca() {
        return new CaPolicy(issuers, Optional.ofNullable(account), Optional.ofNullable(method));
    }
}
