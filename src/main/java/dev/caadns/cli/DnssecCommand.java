package dev.caadns.cli;

import dev.caadns.config.ConfigError;
import dev.caadns.config.Settings;
import dev.caadns.dnssec.AnchorFormat;
import dev.caadns.dnssec.Signing;
import dev.caadns.server.Plugin;
import dev.caadns.server.ZonesAndChain;
import dev.caadns.zone.LoadedZone;
import dev.caadns.zone.ZoneIndex;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
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
import org.xbill.DNS.DSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;

/** {@code caadns dnssec}: the DNSSEC side of the lab. */
@Command(name = "dnssec", mixinStandardHelpOptions = true,
        description = "DNSSEC tools for the signed zones.",
        subcommands = {DnssecCommand.Anchors.class, DnssecCommand.Dump.class})
final class DnssecCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return CommandLine.ExitCode.USAGE;
    }

    /**
     * {@code caadns dnssec anchors}: loads the zones as serve does (making keys for a signed zone that
     * has none yet, so serve later signs with them) and prints the DS of every signed zone whose
     * parent caadns does not sign: what a validating resolver in the lab must trust.
     */
    @Command(name = "anchors", mixinStandardHelpOptions = true,
            description = {"Print the trust anchors of the signed zones: the DS records of each signed zone",
                "whose parent caadns does not sign, one per line (keys are made if a zone has none).",
                "Exit 0; 2 on bad flags or config, or when no zone is signed."})
    static final class Anchors implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ConfigOption config;

        @Mixin
        ZonesOption zones;

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "ds", converter = FormatConverter.class,
                description = {"ds (default): DS records in presentation form;",
                    "unbound: the same as an Unbound trust-anchor-file;",
                    "bind: a BIND trust-anchors { } block (static-ds)."})
        AnchorFormat format;

        @Override
        public Integer call() {
            Loaded loaded = Loaded.of(spec, config, zones);
            if (loaded == null) {
                return CommandLine.ExitCode.USAGE;
            }
            List<DSRecord> anchors;
            try {
                anchors = loaded.signing.anchors(loaded.zones);
            } catch (UncheckedIOException e) {
                spec.commandLine().getErr().println(e.getMessage());
                return CommandLine.ExitCode.USAGE;
            }
            spec.commandLine().getOut().print(format.render(anchors));
            spec.commandLine().getOut().flush();
            return CommandLine.ExitCode.OK;
        }
    }

    /** Reads --format as ds, unbound or bind. */
    static final class FormatConverter implements CommandLine.ITypeConverter<AnchorFormat> {
        @Override
        public AnchorFormat convert(String value) {
            try {
                return AnchorFormat.named(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** {@code caadns dnssec dump ZONE}: the zone as served signed, as a master file, for zone verifiers. */
    @Command(name = "dump", mixinStandardHelpOptions = true,
            description = {"Print a signed zone as caadns serves it (DNSKEY, RRSIG, NSEC and DS included) as a",
                "master file, e.g. for dnssec-verify or ldns-verify-zone. Exit 0; 2 on bad flags or config,",
                "or when the zone is not served signed."})
    static final class Dump implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ConfigOption config;

        @Mixin
        ZonesOption zones;

        @Parameters(paramLabel = "ZONE", description = "The zone's name, e.g. lab.test.")
        String zone;

        @Override
        public Integer call() {
            Loaded loaded = Loaded.of(spec, config, zones);
            if (loaded == null) {
                return CommandLine.ExitCode.USAGE;
            }
            String text;
            try {
                text = loaded.signing.signedText(loaded.zones, Name.fromString(zone, Name.root));
            } catch (TextParseException | UncheckedIOException e) {
                spec.commandLine().getErr().println(e.getMessage());
                return CommandLine.ExitCode.USAGE;
            }
            if (text == null) {
                spec.commandLine().getErr().println("zone " + zone + " is not served signed");
                return CommandLine.ExitCode.USAGE;
            }
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
            return CommandLine.ExitCode.OK;
        }
    }

    /** The zones loaded as serve loads them, and the signer; null (the error printed) when that fails. */
    private record Loaded(Signing signing, List<ZoneIndex> zones) {
        static Loaded of(CommandSpec spec, ConfigOption config, ZonesOption zonesOption) {
            PrintWriter err = spec.commandLine().getErr();
            Map<String, Object> flags = new HashMap<>();
            zonesOption.addTo(flags);
            try {
                Settings settings = config.load(flags);
                List<Plugin> plugins = Plugins.forSettings(settings);
                Optional<Signing> signing = Plugins.signing(plugins);
                if (signing.isEmpty()) {
                    err.println("no zone is signed: set dnssec.sign = true in the config");
                    return null;
                }
                List<LoadedZone> loaded = ZonesAndChain.source(settings, ZonesAndChain.loader(settings, plugins)).load();
                return new Loaded(signing.get(), loaded.stream().filter(LoadedZone::servable).map(ZoneIndex::of).toList());
            } catch (ConfigError e) {
                err.println(e.getMessage());
            } catch (IOException e) {
                err.println("cannot read zones: " + e.getMessage());
            }
            return null;
        }
    }
}
