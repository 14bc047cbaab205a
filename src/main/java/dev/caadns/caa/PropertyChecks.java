package dev.caadns.caa;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** The checks on one CAA record (digest §9, first table). */
final class PropertyChecks {
    static final int LONG_TAG = 15;
    static final int TEXT_STRING_MAX = 255;

    private static final Set<String> RESERVED_TAGS = Set.of("auth", "path", "policy");
    /** IANA ACME validation methods; CA-specific labels start with "ca-" (RFC 8657 §4). */
    private static final Set<String> ACME_METHODS = Set.of("http-01", "dns-01", "tls-alpn-01", "tls-sni-01",
            "tls-sni-02", "email-reply-00", "tkauth-01", "onion-csr-01");
    private static final Set<String> DRAFT_PARAMETERS = Set.of("account-uri", "validation-methods");
    private static final Pattern METHOD_LABEL = Pattern.compile("[A-Za-z0-9-]+");
    private static final Pattern PARAMETERS_IN_COMMENT = Pattern.compile("^\\s*[A-Za-z0-9][A-Za-z0-9-]*\\s*=.*");
    private static final Pattern MAILBOX = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@]+");
    private static final Pattern GLOBAL_PHONE = Pattern.compile("\\+[0-9]([0-9 .()-]*[0-9])?");

    private final CaaProperty property;
    private final String comment;
    private final List<Problem> problems = new ArrayList<>();

    private PropertyChecks(CaaProperty property, String comment) {
        this.property = property;
        this.comment = comment;
    }

    /** @param comment the zone-file comment on the record's line, used to spot a value cut at ';' */
    static List<Problem> check(CaaProperty property, String comment) {
        PropertyChecks checks = new PropertyChecks(property, comment);
        checks.flags();
        checks.tag();
        checks.valueBytes();
        switch (property.kind()) {
            case ISSUE, ISSUEWILD, ISSUEMAIL, ISSUEVMC -> checks.issueValue();
            case IODEF -> checks.iodef();
            case CONTACTEMAIL -> checks.contact(MAILBOX, "a single e-mail address, e.g. caa@example.com");
            case CONTACTPHONE -> checks.contact(GLOBAL_PHONE, "a global number with + and country code, e.g. +1 555 0100");
            case UNKNOWN -> checks.unknownTag();
        }
        return checks.problems;
    }

    private void flags() {
        int reserved = property.flags() & ~CaaProperty.ISSUER_CRITICAL;
        if (reserved != 0) {
            String boulder = (reserved & 1) != 0 ? "; Boulder reads flag 1 as critical" : "";
            add(CaaCode.I_FLAGS_RESERVED, "flags " + property.flags() + " set reserved bits (" + reserved + ")",
                    "use 0, or 128 for issuer-critical" + boulder);
        }
    }

    private void tag() {
        String tag = property.tag();
        if (tag.isEmpty()) {
            add(CaaCode.I_TAG_EMPTY, "empty property tag", "give the property a tag such as issue");
            return;
        }
        if (!tag.chars().allMatch(c -> IssuerDomain.isLetterOrDigit((char) c))) {
            add(CaaCode.I_TAG_CHARS, "tag `" + Presentation.escape(tag.getBytes(StandardCharsets.ISO_8859_1))
                    + "` has characters other than letters and digits",
                    "tags are A-Z, a-z, 0-9 only (RFC 8659 §4.1)");
        } else if (!tag.equals(tag.toLowerCase(Locale.ROOT))) {
            add(CaaCode.W_TAG_CASE, "tag `" + tag + "` is not lowercase",
                    "write `" + tag.toLowerCase(Locale.ROOT) + "`: tags match in any case but lowercase is canonical");
        }
        if (tag.length() > LONG_TAG) {
            add(CaaCode.W_TAG_LONG, "tag is " + tag.length() + " characters long",
                    "keep tags to 15 characters: hickory-dns rejects longer ones");
        }
    }

    private void valueBytes() {
        byte[] value = property.value();
        if (value.length > TEXT_STRING_MAX) {
            add(CaaCode.W_VALUE_255, "value is " + value.length + " bytes",
                    "legal, but many zone-file parsers (dnsjava included) cannot read it as text; publish it as `\\#` or shorten it");
        }
        for (byte b : value) {
            if ((b & 0x80) != 0) {
                add(CaaCode.W_NONASCII, "value contains non-ASCII bytes",
                        "write such bytes as \\DDD escapes (dnsjava re-encodes raw UTF-8 in zone files) or use A-labels");
                return;
            }
        }
    }

    private void issueValue() {
        IssueValue value = property.issueValue();
        if (!value.wellFormed()) {
            add(CaaCode.I_ISSUE_ABNF, property.tag() + " value " + Presentation.quote(property.value())
                    + ": " + value.malformation().message() + ", so CAs read it as \"nobody may issue\"",
                    value.malformation().hint());
            return;
        }
        if (property.value().length == 0) {
            add(CaaCode.W_EMPTY_VALUE, "empty " + property.tag() + " value forbids issuance",
                    "write `\";\"` to say \"nobody may issue\" explicitly");
        }
        if (value.issuer().isEmpty() && !value.parameters().isEmpty()) {
            add(CaaCode.W_PARAMS_NO_ISSUER, "parameters without an issuer have no effect",
                    "put the issuer domain before the `;`, or drop the parameters");
        }
        if (!value.issuer().equals(value.issuer().toLowerCase(Locale.ROOT))) {
            add(CaaCode.W_ISSUER_CASE, "issuer `" + value.issuer() + "` has uppercase letters",
                    "write `" + value.issuer().toLowerCase(Locale.ROOT) + "`: Boulder compares issuers byte for byte");
        }
        value.parameters().forEach(p -> parameterTag(p.tag()));
        accountUris(value);
        validationMethods(value);
        commentSplit(value);
    }

    private void parameterTag(String tag) {
        String lower = tag.toLowerCase(Locale.ROOT);
        if (DRAFT_PARAMETERS.contains(lower)) {
            add(CaaCode.W_PARAM_DRAFT, "parameter `" + tag + "` is a draft spelling that CAs ignore",
                    "write `" + lower.replace("-", "") + "`: as written the restriction is silently absent");
        } else if (tag.contains("-")) {
            add(CaaCode.W_PARAM_HYPHEN, "parameter tag `" + tag + "` has a hyphen",
                    "legal, but Boulder treats the whole property as malformed (nobody may issue)");
        }
        if ((lower.equals("accounturi") || lower.equals("validationmethods")) && !tag.equals(lower)) {
            add(CaaCode.W_PARAM_CASE, "parameter `" + tag + "` is not lowercase",
                    "write `" + lower + "`: Boulder ignores other spellings, so the restriction is lost there");
        }
    }

    private void accountUris(IssueValue value) {
        List<String> uris = parameters(value, "accounturi");
        if (uris.size() > 1) {
            add(CaaCode.W_ACCT_DUP, "accounturi given " + uris.size() + " times: no account can satisfy it",
                    "publish one property per account, each with one accounturi (RFC 8657 §3)");
        }
        for (String uri : uris) {
            if (!IssuanceDecision.isAbsoluteUri(uri)) {
                add(CaaCode.I_ACCOUNTURI, "accounturi `" + uri + "` is not an absolute URI",
                        "use the CA's account URL, e.g. https://acme-v02.api.letsencrypt.org/acme/acct/123");
            }
        }
    }

    private void validationMethods(IssueValue value) {
        List<String> lists = parameters(value, "validationmethods");
        if (lists.size() > 1) {
            add(CaaCode.W_VM_DUP, "validationmethods given " + lists.size() + " times",
                    "merge them into one comma-separated list (CAs differ: Boulder denies, Open MPIC intersects)");
        }
        for (String list : lists) {
            if (list.isEmpty()) {
                add(CaaCode.W_VM_EMPTY, "validationmethods is empty: no method can satisfy it",
                        "list methods, e.g. validationmethods=dns-01,http-01");
                continue;
            }
            List<String> labels = List.of(list.split(",", -1));
            if (!labels.stream().allMatch(l -> METHOD_LABEL.matcher(l).matches())) {
                add(CaaCode.I_VM_ABNF, "validationmethods `" + list + "` is not a comma list of labels",
                        "remove empty entries and stray characters, e.g. validationmethods=dns-01,http-01");
                continue;
            }
            for (String label : labels) {
                if (!ACME_METHODS.contains(label) && !label.startsWith("ca-")) {
                    add(CaaCode.W_VM_UNKNOWN, "validation method `" + label + "` is neither an ACME method nor ca-...",
                            "use ACME names such as dns-01, http-01, tls-alpn-01");
                }
            }
        }
    }

    private void commentSplit(IssueValue value) {
        if (value.parameters().isEmpty() && PARAMETERS_IN_COMMENT.matcher(comment).matches()) {
            add(CaaCode.W_COMMENT_SPLIT, "the line goes on with `;" + comment.trim() + "` after the value",
                    "quote the value: the unquoted `;` starts a comment and drops the parameters");
        }
    }

    private List<String> parameters(IssueValue value, String canonical) {
        return value.parameters().stream().filter(p -> p.tag().equalsIgnoreCase(canonical))
                .map(IssueValue.Parameter::value).toList();
    }

    private void iodef() {
        String url = property.valueText();
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            add(CaaCode.I_IODEF, "iodef `" + url + "` is not a URL", "use mailto:, https: or http: URLs");
            return;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        switch (scheme) {
            case "mailto" -> {
                if (!uri.getSchemeSpecificPart().contains("@")) {
                    add(CaaCode.I_IODEF, "iodef `" + url + "` has no mailbox", "write mailto:security@example.com");
                }
            }
            case "https", "http" -> {
                if (uri.getHost() == null) {
                    add(CaaCode.I_IODEF, "iodef `" + url + "` has no host", "write https://host/path");
                } else if (scheme.equals("http")) {
                    add(CaaCode.W_IODEF_HTTP, "iodef uses http:", "use https: or mailto: — CAs are not expected to report over http");
                }
            }
            default -> add(CaaCode.I_IODEF, "iodef `" + url + "` is not a mailto:, http: or https: URL",
                    "RFC 8659 §4.4 allows only mailto:, http: and https:");
        }
    }

    private void contact(Pattern form, String expected) {
        if (!form.matcher(property.valueText()).matches()) {
            add(CaaCode.W_CONTACT, property.tag() + " `" + property.valueText() + "` cannot be used by CAs",
                    "write " + expected + " (CA/B BR Appendix A)");
        }
    }

    private void unknownTag() {
        String tag = property.tag();
        if (RESERVED_TAGS.contains(tag.toLowerCase(Locale.ROOT))) {
            add(CaaCode.W_RESERVED_TAG, "tag `" + tag + "` is reserved and means nothing", "remove it");
        }
        if (property.issuerCritical()) {
            add(CaaCode.W_UNKNOWN_CRIT, "critical unknown tag `" + tag + "`: every CA that does not know it must refuse to issue",
                    "clear the critical flag (128) unless blocking all CAs is the point");
        } else if (!RESERVED_TAGS.contains(tag.toLowerCase(Locale.ROOT)) && !tag.isEmpty()) {
            add(CaaCode.W_UNKNOWN, "unknown tag `" + tag + "` is ignored by CAs", "check the spelling of the tag");
        }
    }

    private void add(CaaCode code, String message, String hint) {
        problems.add(new Problem(code, message, hint));
    }
}
