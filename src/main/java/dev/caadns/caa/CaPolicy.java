package dev.caadns.caa;

import java.util.List;
import java.util.Optional;

/**
 * The CA asking: the issuer domains it recognises as itself, and what it knows about the request.
 *
 * @param issuerDomains e.g. {@code letsencrypt.org}; compared as each reading does (RFC: any case,
 *                      Boulder: byte-exact)
 * @param accountUri the requesting account (RFC 8657 accounturi), if known
 * @param validationMethod the domain validation method used (RFC 8657 validationmethods label, e.g.
 *                         {@code http-01}), if known
 */
public record CaPolicy(List<String> issuerDomains, Optional<String> accountUri, Optional<String> validationMethod) {

    public CaPolicy {
        if (issuerDomains.isEmpty()) {
            throw new IllegalArgumentException("a CA needs at least one issuer domain");
        }
        issuerDomains = List.copyOf(issuerDomains);
    }

    public static CaPolicy of(String... issuerDomains) {
        return new CaPolicy(List.of(issuerDomains), Optional.empty(), Optional.empty());
    }

    public CaPolicy withAccountUri(String uri) {
        return new CaPolicy(issuerDomains, Optional.of(uri), validationMethod);
    }

    public CaPolicy withValidationMethod(String method) {
        return new CaPolicy(issuerDomains, accountUri, Optional.of(method));
    }
}
