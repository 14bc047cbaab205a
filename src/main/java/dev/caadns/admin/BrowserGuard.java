package dev.caadns.admin;

import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.NetUtil;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Refuses what only a browser tricked by a hostile page sends, so a web page can never change what
 * is served (the API has no pages of its own, so no request of a browser is legitimate):
 * <ul>
 * <li>DNS rebinding: a {@code Host} that is a name, unless it is {@code localhost} or configured
 *     ({@code management.hosts}); IP literals are always fine, a page cannot rebind them;</li>
 * <li>a cross-site request: an {@code Origin} other than the API's own, or {@code Sec-Fetch-Site}
 *     other than {@code same-origin}/{@code none};</li>
 * <li>a body a browser may send cross-site without a CORS preflight ({@code text/plain}, forms)
 *     from a browser (it carries {@code Origin} or {@code Sec-Fetch-*}). From other clients these
 *     types stay accepted: {@code curl -d} sends a form type, and suites written for challtestsrv
 *     send JSON that way. Any other non-JSON type is refused from everyone.</li>
 * </ul>
 */
final class BrowserGuard {
    /** The types a browser may POST cross-site without asking first (Fetch standard, CORS-safelisted). */
    private static final Set<String> SIMPLE_TYPES = Set.of("text/plain", "application/x-www-form-urlencoded",
            "multipart/form-data");
    private final Set<String> hosts;

    /** @param hosts names besides {@code localhost} that clients may use for this API */
    BrowserGuard(List<String> hosts) {
        this.hosts = hosts.stream().map(BrowserGuard::bareName).collect(Collectors.toUnmodifiableSet());
    }

    void check(FullHttpRequest request) {
        HttpHeaders headers = request.headers();
        String host = headers.get(HttpHeaderNames.HOST);
        if (host != null && !acceptableHost(host)) {
            throw new ApiException(403, "Host \"" + host + "\" is not an address of this API (a page elsewhere may"
                    + " be rebinding its name to it): use an IP address or localhost, or add the name to"
                    + " management.hosts");
        }
        String origin = headers.get(HttpHeaderNames.ORIGIN);
        if (origin != null && (host == null || !origin.equalsIgnoreCase("http://" + host)
                && !origin.equalsIgnoreCase("https://" + host))) {
            throw new ApiException(403, "cross-site request from Origin " + origin + " refused: the API takes no"
                    + " requests from web pages");
        }
        String site = headers.get("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            throw new ApiException(403, "cross-site request (Sec-Fetch-Site: " + site + ") refused: the API takes"
                    + " no requests from web pages");
        }
        String type = headers.get(HttpHeaderNames.CONTENT_TYPE);
        if (type != null && !json(type)) {
            boolean browser = origin != null || site != null || headers.contains("Sec-Fetch-Mode");
            if (browser || !SIMPLE_TYPES.contains(mediaType(type))) {
                throw new ApiException(415, "Content-Type " + type + " refused: send the body as JSON"
                        + " (Content-Type: application/json)");
            }
        }
    }

    private boolean acceptableHost(String header) {
        String name = header;
        if (name.startsWith("[")) {
            int end = name.indexOf(']');
            return end > 0 && NetUtil.isValidIpV6Address(name.substring(1, end));
        }
        int colon = name.lastIndexOf(':');
        if (colon >= 0) {
            name = name.substring(0, colon);
        }
        String bare = bareName(name);
        return NetUtil.isValidIpV4Address(bare) || bare.equals("localhost") || hosts.contains(bare);
    }

    private static String bareName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    private static String mediaType(String header) {
        int semicolon = header.indexOf(';');
        return (semicolon < 0 ? header : header.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    private static boolean json(String header) {
        String media = mediaType(header);
        return media.equals("application/json") || media.startsWith("application/") && media.endsWith("+json");
    }
}
