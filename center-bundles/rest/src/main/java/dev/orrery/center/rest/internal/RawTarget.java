package dev.orrery.center.rest.internal;

import dev.orrery.api.ErrorCode;
import dev.orrery.api.OrreryException;
import java.net.URI;
import java.net.URISyntaxException;
import org.apache.cxf.message.Message;

/**
 * The request target exactly as the client sent it: raw (still percent-encoded) path plus the
 * raw query string. The signature covers this, so it must not be decoded or normalised.
 */
final class RawTarget {
    /** Why a request target is refused. */
    static final String INVALID = "the request target is not a valid URI: characters such as spaces, \\, |, {, }, <, > "
            + "and non-ASCII letters must be percent-encoded, and a % must start an escape such as %2F";
    private RawTarget() {
    }

    /**
     * @param message the CXF message of the request, may be {@code null}
     * @param fallback the request URI as JAX-RS sees it, used outside a servlet transport
     * @return path with {@code ?query} when the request had a query string
     */
    static String of(Message message, URI fallback) {
        String url = message == null ? null : (String) message.get(Message.REQUEST_URL);
        if (url == null) {
            String query = fallback.getRawQuery();
            return fallback.getRawPath() + (query == null ? "" : "?" + query);
        }
        String query = (String) message.get(Message.QUERY_STRING);
        return pathOf(url) + (query == null ? "" : "?" + query);
    }

    /**
     * @param target a raw request target
     * @return it, if it is a valid URI reference (Jetty passes on characters such as a backslash,
     *     a bar or a brace that CXF's own URI handling would fail on later)
     * @throws OrreryException {@code INVALID_REQUEST} otherwise
     */
    static String valid(String target) {
        if (!isUri(target)) {
            throw new OrreryException(ErrorCode.INVALID_REQUEST, INVALID);
        }
        return target;
    }

    /**
     * @param message the CXF message of a request, may be {@code null}
     * @return {@code false} only if the message has a raw target and it is not a valid URI
     *     reference (CXF's own decoding of it throws {@link IllegalArgumentException} then)
     */
    static boolean isValid(Message message) {
        return message == null || message.get(Message.REQUEST_URL) == null || isUri(of(message, null));
    }

    private static boolean isUri(String target) {
        try {
            new URI(target);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /**
     * @param url an absolute request URL ({@code scheme://authority/path}) as the servlet
     *     container rebuilt it from the raw request line, or a bare path
     * @return the raw path
     */
    static String pathOf(String url) {
        int scheme = url.indexOf("://");
        if (scheme < 0) {
            return url;
        }
        int slash = url.indexOf('/', scheme + 3);
        return slash < 0 ? "/" : url.substring(slash);
    }
}
