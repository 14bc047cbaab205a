package dev.caadns.update;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.caadns.testsupport.Command;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The real update clients the tests drive: BIND nsupdate, Knot knsupdate, certbot's plugin, dnspython. */
final class UpdateClients {
    static final String PYTHON = "/usr/bin/python3";

    private UpdateClients() {
    }

    /** nsupdate with the script on stdin ({@code server} line added); its output and exit code. */
    static Command.Result nsupdate(int port, String key, String script) {
        Command.require("nsupdate", "bind9-dnsutils");
        List<String> command = new ArrayList<>(List.of("nsupdate", "-v"));
        if (key != null) {
            command.addAll(List.of("-y", key));
        }
        return Command.run(command, "server 127.0.0.1 " + port + "\n" + script + "send\n", 30);
    }

    static Command.Result knsupdate(int port, String key, String script) {
        Command.require("knsupdate", "knot-dnsutils");
        return Command.run(List.of("knsupdate"), "server 127.0.0.1 " + port + "\nkey " + key + "\n" + script
                + "send\n", 30);
    }

    /** certbot-dns-rfc2136's client: add or del one TXT, as certbot's perform and cleanup do. */
    static Command.Result certbot(String action, int port, String key, String secret, String algorithm, String name,
                                  String value) {
        Command.require(PYTHON, "python3-certbot-dns-rfc2136");
        return Command.run(List.of(PYTHON, resource("certbot_client.py"), action, "127.0.0.1", String.valueOf(port),
                key, secret, algorithm, name, value), "", 30);
    }

    /** A dnspython update (tsig_peer.py); key "-" for unsigned; ops as tsig_peer.py documents. */
    static JsonNode dnspython(int port, String zone, String key, String algorithm, String secret, int skew,
                              String transport, String ops) {
        Command.require(PYTHON, "python3-dnspython");
        Command.Result r = Command.run(List.of(PYTHON, Path.of(resourcePath("/dev/caadns/tsig/tsig_peer.py")).toString(),
                "update", "127.0.0.1", String.valueOf(port), zone, key, algorithm, secret, String.valueOf(skew),
                transport, ops), "", 30);
        assertThat(r.exitCode()).as(r.output()).isZero();
        try {
            return new ObjectMapper().readTree(r.output());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(String name) {
        return resourcePath("/dev/caadns/update/" + name);
    }

    private static String resourcePath(String absolute) {
        try {
            return Path.of(UpdateClients.class.getResource(absolute).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
