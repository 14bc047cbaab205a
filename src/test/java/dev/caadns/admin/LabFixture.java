package dev.caadns.admin;

import dev.caadns.config.SettingsLoader;
import dev.caadns.server.CaadnsServer;
import dev.caadns.testsupport.ConfiguredServer;
import dev.caadns.server.Plugin;
import dev.caadns.zone.Finding;
import dev.caadns.zone.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
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
import org.xbill.DNS.CAARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

/**
 * A caadns server on loopback with lab control and its management API on free ports, a zone
 * {@code lab.test.} in a temp folder, and clients for both: HTTP (java.net.http) and DNS (real sockets).
 */
final class LabFixture implements AutoCloseable {
    static final String ZONE = ConfiguredServer.LAB_ZONE;

    /** Stands in for the CAA module's RRset check: a CAA tag "bogus" is an error. */
    static final Plugin BOGUS_CAA_CHECK = new Plugin() {
        @Override
        public List<Finding> checkRRset(List<Record> rrset) {
            return rrset.stream().filter(r -> r instanceof CAARecord caa && caa.getTag().equals("bogus"))
                    .map(r -> new Finding(Severity.ERROR, "T-BOGUS", "-", 0, r.getName().toString(),
                            "tag bogus is not allowed", "use issue")).toList();
        }
    };

    final Path zones;
    final CaadnsServer server;
    final LabControl lab;
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    LabFixture(Path dir) throws Exception {
        this(dir, Map.of());
    }

    LabFixture(Path dir, Map<String, Object> moreFlags) throws Exception {
        this(dir, moreFlags, settings -> List.of(
                new LabControl(LabSettings.from(settings), Optional.empty()), BOGUS_CAA_CHECK));
    }

    /** @param plugins the plugin list for the settings; it must hold a LabControl */
    LabFixture(Path dir, Map<String, Object> moreFlags, PluginList plugins) throws Exception {
        zones = dir;
        Files.writeString(dir.resolve("lab.test.zone"), ZONE);
        Map<String, Object> flags = new HashMap<>(Map.of("listen", List.of("127.0.0.1:0"),
                "zones.directory", dir.toString(), "workers", 1, "management.listen", "127.0.0.1:0"));
        flags.putAll(moreFlags);
        var settings = SettingsLoader.load(Optional.empty(), flags);
        List<Plugin> list = plugins.forSettings(settings);
        lab = list.stream().filter(LabControl.class::isInstance).map(LabControl.class::cast).findFirst()
                .orElseThrow();
        server = CaadnsServer.start(settings, list);
        base = "http://127.0.0.1:" + lab.management().orElseThrow().address().getPort();
    }

    /** The plugins a fixture serves with: a stand-in list, or serve's own ({@code Plugins::forSettings}). */
    interface PluginList {
        List<Plugin> forSettings(dev.caadns.config.Settings settings) throws Exception;
    }

    InetSocketAddress managementAddress() {
        return lab.management().orElseThrow().address();
    }

    /** A reply to {@link #raw}: the status code and the body. */
    record RawReply(int status, String body) {
    }

    /**
     * Sends {@code head} (request line and headers, without the blank line) and {@code body} as
     * written, byte for byte, for requests java.net.http refuses to make (a bad percent-encoding,
     * a foreign Host).
     */
    RawReply raw(String head, String body) throws IOException {
        byte[] content = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String request = head + "\r\nContent-Length: " + content.length + "\r\nConnection: close\r\n\r\n";
        try (Socket socket = new Socket()) {
            socket.connect(managementAddress(), 2000);
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            out.write(content);
            String reply = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            int status = Integer.parseInt(reply.substring(9, 12));
            return new RawReply(status, reply.substring(reply.indexOf("\r\n\r\n") + 4));
        }
    }

    HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return send("POST", path, json);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send("GET", path, null);
    }

    HttpResponse<String> send(String method, String path, String json) throws IOException, InterruptedException {
        return send(method, path, json, Map.of());
    }

    HttpResponse<String> send(String method, String path, String json, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).method(method,
                json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static Message query(String name, int type, boolean edns) throws IOException {
        Message q = new Message(4242);
        q.getHeader().setFlag(Flags.RD);
        q.addRecord(Record.newRecord(Name.fromString(name), type, DClass.IN), Section.QUESTION);
        if (edns) {
            q.addRecord(new OPTRecord(1232, 0, 0), Section.ADDITIONAL);
        }
        return q;
    }

    /** Asks over UDP; a reply that does not come within 2 s throws SocketTimeoutException. */
    Message udp(String name, int type) throws IOException {
        return udp(query(name, type, true));
    }

    Message udp(Message query) throws IOException {
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.setSoTimeout(2000);
            byte[] wire = query.toWire();
            socket.send(new DatagramPacket(wire, wire.length, server.udpAddresses().get(0)));
            byte[] buffer = new byte[65535];
            DatagramPacket reply = new DatagramPacket(buffer, buffer.length);
            socket.receive(reply);
            return new Message(java.util.Arrays.copyOf(buffer, reply.getLength()));
        }
    }

    Message tcp(String name, int type) throws IOException {
        InetSocketAddress address = server.tcpAddresses().get(0);
        try (Socket socket = new Socket(address.getAddress(), address.getPort())) {
            socket.setSoTimeout(2000);
            byte[] wire = query(name, type, true).toWire();
            OutputStream out = socket.getOutputStream();
            out.write(new byte[] {(byte) (wire.length >> 8), (byte) wire.length});
            out.write(wire);
            InputStream in = socket.getInputStream();
            int length = (in.read() << 8) | in.read();
            return new Message(in.readNBytes(length));
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
