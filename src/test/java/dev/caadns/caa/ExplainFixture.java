package dev.caadns.caa;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;

/** Runs explain over zone lines served by a {@link FakeLookup}. */
final class ExplainFixture {
    private ExplainFixture() {
    }

    static FakeLookup lookup(Set<Name> apexes, String... lines) {
        List<Record> records = Arrays.stream(lines).map(TestZones::parse).toList();
        return new FakeLookup(apexes, records);
    }

    static CaPolicy ca(String issuer, String account, String method) {
        return new CaPolicy(List.of(issuer), Optional.ofNullable(blankToNull(account)), Optional.ofNullable(blankToNull(method)));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    static String relevant(Explanation explanation) {
        Step relevant = explanation.relevant();
        return relevant == null ? "-" : relevant.answeredAt().toString();
    }
}
