package dev.caadns.tsig;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.caadns.testsupport.Command;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** dnspython (tsig_peer.py beside this class) as the independent TSIG signer and verifier of the tests. */
final class TsigPeer {
    static final String PYTHON = "/usr/bin/python3";

    private TsigPeer() {
    }

    static void require() {
        Command.require(PYTHON, "python3-dnspython");
    }

    static List<String> command(String... args) {
        List<String> command = new ArrayList<>(List.of(PYTHON, script().toString()));
        command.addAll(List.of(args));
        return command;
    }

    /** One signed query, SKEW seconds off the clock; dnspython's view of the reply as JSON. */
    static JsonNode query(int port, String name, String type, String key, String algorithm, String secret, int skew,
                          String transport) throws IOException {
        Command.Result r = Command.run(command("query", "127.0.0.1", String.valueOf(port), name, type, key, algorithm,
                secret, String.valueOf(skew), transport), "", 20);
        assertThat(r.exitCode()).as(r.output()).isZero();
        return new ObjectMapper().readTree(r.output());
    }

    static Path script() {
        try {
            return Path.of(TsigPeer.class.getResource("tsig_peer.py").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
