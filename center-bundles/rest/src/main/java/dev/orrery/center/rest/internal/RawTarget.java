package dev.orrery.center.rest.internal;

import java.net.URI;
import org.apache.cxf.message.Message;

/**
 * The request target exactly as the client sent it: raw (still percent-encoded) path plus the
 * raw query string. The signature covers this, so it must not be decoded or normalised.
 */
final class RawTarget {
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
