package dev.caadns.cli;

import dev.caadns.answer.LocalLookup;
import dev.caadns.caa.CaPolicy;
import dev.caadns.caa.CaaExplainer;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.caadns.caa.CaaPlugin;
import dev.caadns.caa.Step;
import dev.caadns.dnssec.ValidationCheck;
import dev.caadns.caa.Explanation;
import dev.caadns.caa.ExplanationJson;
import dev.caadns.caa.ExplanationText;
import dev.caadns.caa.Identifier;
import dev.caadns.caa.PolicySources;
import dev.caadns.config.ConfigError;
import dev.caadns.config.Settings;
import dev.caadns.server.CaadnsServer;
import dev.caadns.server.Plugin;
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
        CaaPlugin caa;
        boolean signed;
        try {
            Map<String, Object> flags = new HashMap<>();
            zones.addTo(flags);
            Settings settings = config.load(flags);
            List<Plugin> plugins = Plugins.forSettings(settings);
            caa = Plugins.caa(plugins);
            signed = Plugins.signing(plugins).isPresent();
            served = ZonesAndChain.assemble(settings, plugins);
        } catch (ConfigError | CaadnsServer.StartupException e) {
            cli.getErr().println(e.getMessage());
            return CommandLine.ExitCode.USAGE;
        }
        LocalLookup lookup = new LocalLookup(served.chain());
        Explanation explanation = CaaExplainer.explain(identifier, ca(), lookup);
        PolicySources sources = caa.templates().sources(served.zones());
        // with zones signed: what a validating CA would make of the answers it was given
        ValidationCheck.Result dnssec = signed ? new ValidationCheck(lookup)
                .check(explanation.steps().stream().map(Step::asked).toList()) : null;
        if (format == OutputFormat.JSON) {
            ObjectNode tree = ExplanationJson.tree(explanation, sources);
            if (dnssec != null) {
                ObjectNode node = tree.putObject("dnssec");
                node.put("status", dnssec.status().name().toLowerCase(java.util.Locale.ROOT));
                node.put("detail", dnssec.detail());
                node.put("ca", dnssec.caDecision());
            }
            cli.getOut().print(tree.toPrettyString() + '\n');
        } else {
            cli.getOut().print(ExplanationText.render(explanation, sources));
            if (dnssec != null) {
                cli.getOut().print("dnssec: " + dnssec.status().name().toLowerCase(java.util.Locale.ROOT) + " - "
                        + dnssec.detail() + "\n  " + dnssec.caDecision() + "\n");
            }
        }
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
