package dev.caadns.admin;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Predicate;
import org.xbill.DNS.Name;

/** GET /api/v1/journal?name=&subtree=&type=&opcode=&since=: the journal's entries that match, oldest first. */
final class JournalEndpoints {
    private final Journal journal;
    private final Json json;

    JournalEndpoints(Journal journal, Json json) {
        this.journal = journal;
        this.json = json;
    }

    void register(Router router) {
        router.add("GET", "/api/v1/journal", this::search);
    }

    private ApiResponse search(ApiRequest r) {
        Predicate<JournalEntry> filter = e -> true;
        if (r.parameter("name").isPresent()) {
            Name name = Names.parse("name", r.parameter("name").get(), Name.root);
            filter = filter.and(e -> !e.name().isEmpty() && parse(e.name()).equals(name));
        }
        if (r.parameter("subtree").isPresent()) {
            Name top = Names.parse("subtree", r.parameter("subtree").get(), Name.root);
            filter = filter.and(e -> !e.name().isEmpty() && parse(e.name()).subdomain(top));
        }
        if (r.parameter("type").isPresent()) {
            String type = org.xbill.DNS.Type.string(Names.type(r.parameter("type").get()));
            filter = filter.and(e -> e.type().equals(type));
        }
        if (r.parameter("opcode").isPresent()) {
            String opcode = r.parameter("opcode").get();
            filter = filter.and(e -> e.opcode().equalsIgnoreCase(opcode));
        }
        if (r.parameter("since").isPresent()) {
            Instant since = instant(r.parameter("since").get());
            filter = filter.and(e -> !Instant.parse(e.time()).isBefore(since));
        }
        return ApiResponse.json(200, json.write(journal.since(0, filter)));
    }

    private static Name parse(String name) {
        return Names.parse("name", name, Name.root);
    }

    /** ISO-8601 ({@code 2025-01-02T03:04:05Z}) or milliseconds since the epoch. */
    private static Instant instant(String text) {
        try {
            return text.chars().allMatch(Character::isDigit) ? Instant.ofEpochMilli(Long.parseLong(text))
                    : Instant.parse(text.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException | NumberFormatException e) {
            throw ApiException.badRequest("since: expected an ISO-8601 time like 2025-01-02T03:04:05Z"
                    + " or milliseconds since 1970, got \"" + text + "\"");
        }
    }
}
