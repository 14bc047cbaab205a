package dev.caadns.testsupport;

import dev.caadns.admin.LabControl;
import dev.caadns.cli.Plugins;
import dev.caadns.config.Settings;
import dev.caadns.config.SettingsLoader;
import dev.caadns.server.CaadnsServer;
import dev.caadns.server.Plugin;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * caadns as {@code serve --config} runs it (the same loader and plugins), from a config file written
 * into a temp folder with its zone files, on free loopback ports: DNS and the management API.
 */
public final class ConfiguredServer implements AutoCloseable {
    public static final String LAB_ZONE = """
            $ORIGIN lab.test.
            $TTL 300
            @     IN SOA ns hostmaster 7 3600 600 86400 300
            @     IN NS  ns
            ns    IN A   192.0.2.53
            www   IN A   192.0.2.80
            @     IN CAA 0 issue "ca.example"
            """;

    private final CaadnsServer server;
    private final Path dir;
    private final LabControl lab;
    private final HttpClient http = HttpClient.newHttpClient();

    private ConfiguredServer(CaadnsServer server, Path dir, LabControl lab) {
        this.server = server;
        this.dir = dir;
        this.lab = lab;
    }

    /** Serves {@code zones} (file name to text) with {@code config} (HOCON) from {@code dir}. */
    public static ConfiguredServer start(Path dir, String config, Map<String, String> zones) throws Exception {
        Path zoneDir = Files.createDirectories(dir.resolve("zones"));
        for (var zone : zones.entrySet()) {
            Files.writeString(zoneDir.resolve(zone.getKey()), zone.getValue());
        }
        Path file = dir.resolve("caadns.conf");
        Files.writeString(file, "zones.directory = \"zones\"\nworkers = 1\n" + config);
        Map<String, Object> flags = new HashMap<>(Map.of("listen", List.of("127.0.0.1:0"),
                "management.listen", "127.0.0.1:0"));
        Settings settings = SettingsLoader.load(Optional.of(file), flags);
        List<Plugin> plugins = Plugins.forSettings(settings);
        LabControl lab = plugins.stream().filter(LabControl.class::isInstance).map(LabControl.class::cast)
                .findFirst().orElseThrow();
        return new ConfiguredServer(CaadnsServer.start(settings, plugins), dir, lab);
    }

    /** Serves only {@link #LAB_ZONE} as lab.test.zone. */
    public static ConfiguredServer lab(Path dir, String config) throws Exception {
        return start(dir, config, Map.of("lab.test.zone", LAB_ZONE));
    }

    public CaadnsServer server() {
        return server;
    }

    public Path dir() {
        return dir;
    }

    public InetSocketAddress udp() {
        return server.udpAddresses().get(0);
    }

    public int port() {
        return udp().getPort();
    }

    /** The management API's base URL, {@code http://127.0.0.1:PORT}. */
    public String management() {
        return "http://127.0.0.1:" + lab.management().orElseThrow().address().getPort();
    }

    /** Sends one management API request; {@code body} null for none. */
    public HttpResponse<String> http(String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(management() + path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        server.close();
    }
}
