package dev.caadns.admin;

import dev.caadns.server.CaadnsServer;
import dev.caadns.server.ServedZones;
import dev.caadns.zone.Finding;
import dev.caadns.zone.WireName;
import dev.caadns.zone.ZoneIndex;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * /api/v1 zones: list them, read, replace and delete any RRset in presentation form, clear the
 * overlay, reload the files.
 */
final class ZoneEndpoints {
    private static final long MAX_TTL = 0x7fffffffL;

    /** @param transfer serial and history depth as transferred, the last transfer and NOTIFY per secondary */
    record ZoneView(String origin, long serial, int records, String file,
                    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                    Object transfer) {
    }

    record RRsetBody(Long ttl, List<String> records) {
    }

    record RRsetView(String name, String type, long ttl, List<String> records, String source) {
    }

    record LoadView(String zone, String file, boolean served, boolean keptPrevious, long serial, int records,
                    List<String> findings) {
    }

    private final CaadnsServer server;
    private final RRsetChange change;
    private final Json json;
    private final Runnable configuredDefaults;

    /** @param configuredDefaults puts back the configured default addresses (/set-default-ipv4 undone) */
    ZoneEndpoints(CaadnsServer server, RRsetChange change, Json json, Runnable configuredDefaults) {
        this.server = server;
        this.change = change;
        this.json = json;
        this.configuredDefaults = configuredDefaults;
    }

    void register(Router router) {
        String rrset = "/api/v1/zones/{zone}/rrsets/{name}/{type}";
        router.add("GET", "/api/v1/zones", r -> zones())
                .add("GET", rrset, this::read)
                .add("PUT", rrset, this::replace)
                .add("DELETE", rrset, this::delete)
                .add("DELETE", "/api/v1/overlay", r -> clearOverlay())
                .add("POST", "/api/v1/reload", r -> reload());
    }

    private ApiResponse zones() {
        List<ZoneView> zones = server.zones().list().stream().map(z -> new ZoneView(z.origin().toString(),
                z.serial(), z.records(), z.file().map(Path::toString).orElse(null),
                server.zoneDetails(z.origin()).get("transfer"))).toList();
        return ApiResponse.json(200, json.write(zones));
    }

    private ApiResponse read(ApiRequest r) {
        Name name = owner(r);
        int type = Names.type(r.variable("type"));
        List<Record> records = server.zones().served(name, type);
        if (records.isEmpty()) {
            throw ApiException.notFound("no " + Type.string(type) + " RRset at " + name);
        }
        return ApiResponse.json(200, json.write(view(name, type, records)));
    }

    private ApiResponse replace(ApiRequest r) {
        Name name = owner(r);
        int type = Names.type(r.variable("type"));
        RRsetBody body = r.body(RRsetBody.class);
        if (body.ttl() == null || body.ttl() < 0 || body.ttl() > MAX_TTL) {
            throw ApiException.badRequest("ttl: required, from 0 to " + MAX_TTL);
        }
        if (body.records() == null || body.records().isEmpty()) {
            throw ApiException.badRequest("records: at least one is required (DELETE removes an RRset)");
        }
        List<Record> records = new ArrayList<>();
        for (String text : body.records()) {
            records.add(record(name, type, body.ttl(), text));
        }
        change.replace(name, type, records);
        return ApiResponse.json(200, json.write(view(name, type, server.zones().served(name, type))));
    }

    private ApiResponse delete(ApiRequest r) {
        Name name = owner(r);
        int type = Names.type(r.variable("type"));
        if (server.zones().served(name, type).isEmpty()) {
            throw ApiException.notFound("no " + Type.string(type) + " RRset at " + name);
        }
        change.delete(name, type);
        return ApiResponse.noContent();
    }

    /** Every runtime change forgotten: the RRsets set through the API and the default addresses. */
    private ApiResponse clearOverlay() {
        server.zones().clearOverlay();
        configuredDefaults.run();
        return ApiResponse.noContent();
    }

    /** 200 with each zone's result; a zone that failed keeps serving its previous version. */
    private ApiResponse reload() {
        List<ServedZones.ZoneStatus> report;
        try {
            report = server.reload();
        } catch (IOException e) {
            throw new ApiException(500, "cannot read zones: " + e.getMessage() + "; still serving the previous data");
        }
        List<LoadView> views = report.stream().map(z -> new LoadView(z.origin().toString(), z.file(), z.served(),
                z.keptPrevious(), z.serial(), z.records(), z.findings().stream().map(Finding::format).toList()))
                .toList();
        return ApiResponse.json(200, json.write(views));
    }

    /** The owner named in the path; it must lie in the zone named there, not in a zone below it. */
    private Name owner(ApiRequest r) {
        Name zone = Names.parse("zone", r.variable("zone"), Name.root);
        Name name = Names.parse("name", r.variable("name"), zone);
        ZoneIndex served = server.zones().get().find(WireName.lower(zone), 0, WireName.lower(zone).length);
        if (served == null || !WireName.toName(served.origin()).equals(zone)) {
            throw ApiException.notFound("no zone " + zone + " is served");
        }
        byte[] wire = WireName.lower(name);
        ZoneIndex holder = server.zones().get().find(wire, 0, wire.length);
        if (!name.subdomain(zone) || holder != served) {
            throw ApiException.badRequest("name: " + name + " is not in zone " + zone
                    + (holder != null && name.subdomain(zone) ? " but in " + WireName.toName(holder.origin()) : ""));
        }
        return name;
    }

    private static Record record(Name name, int type, long ttl, String text) {
        try {
            return Record.fromString(name, type, DClass.IN, ttl, text, Name.root);
        } catch (IOException | RuntimeException e) {
            throw ApiException.badRequest("records: cannot read \"" + text + "\" as " + Type.string(type) + ": "
                    + e.getMessage());
        }
    }

    private RRsetView view(Name name, int type, List<Record> records) {
        boolean overlaid = server.zones().overlaid(name, type) != null;
        return new RRsetView(name.toString(), Type.string(type), records.get(0).getTTL(),
                records.stream().map(Record::rdataToString).toList(), overlaid ? "overlay" : "zone file");
    }
}
