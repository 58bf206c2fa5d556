package dev.orrery.center.rest.internal;

import java.util.regex.Pattern;
import javax.ws.rs.HttpMethod;
import javax.ws.rs.container.ContainerRequestContext;

/**
 * The two rules the marketplace adds to the signature filter, decided before a resource is
 * matched: {@code POST /market/plugins} (the jar) may be larger than a JSON body, up to
 * {@code maxUploadBytes}; and, when {@code publicRepository} is on, {@code GET} (and {@code HEAD})
 * of {@code /market/repository.xml} and {@code /market/plugins/NAME/VERSION/bundle.jar} need no
 * signature, because Karaf's repository tooling cannot sign. Such a request is only marked
 * here: the {@link AuthorizationFilter} lets it through only to a method marked
 * {@link PublicRepository}, so a path that matches here but reaches another method fails closed.
 *
 * @param maxUploadBytes largest plugin jar body, bytes
 * @param publicRepository whether the repository reads are served unsigned
 */
record MarketPaths(int maxUploadBytes, boolean publicRepository) {
    /** The defaults of {@link RestConfig}. */
    static final MarketPaths DEFAULTS = new MarketPaths(4194304, true);
    /** Request property set on an unsigned repository read. */
    static final String PUBLIC_READ = "dev.orrery.market.public";
    private static final Pattern UPLOAD = Pattern.compile("/?market/plugins/?");
    private static final Pattern PUBLIC = Pattern.compile("/?market/(repository\\.xml|plugins/[^/]+/[^/]+/bundle\\.jar)");

    MarketPaths {
        if (maxUploadBytes < 1024 || maxUploadBytes > 256 * 1024 * 1024) {
            throw new IllegalArgumentException(RestConfig.PID + ": maxUploadBytes must be 1024..268435456, got " + maxUploadBytes);
        }
    }

    static MarketPaths of(RestConfig config) {
        return new MarketPaths(config.maxUploadBytes(), config.publicRepository());
    }

    /**
     * @param request a request before matching
     * @param maxBodyBytes the limit of every other body
     * @return the body limit of this request
     */
    int bodyLimit(ContainerRequestContext request, int maxBodyBytes) {
        return HttpMethod.POST.equals(request.getMethod()) && UPLOAD.matcher(path(request)).matches()
                ? maxUploadBytes : maxBodyBytes;
    }

    /**
     * @param request a request before matching
     * @return whether it is a repository read served without a signature
     */
    boolean isPublicRead(ContainerRequestContext request) {
        if (!publicRepository || !(HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod()))) {
            return false;
        }
        return PUBLIC.matcher(path(request)).matches();
    }

    /** @return the still-encoded path below the endpoint, or "" when it cannot be parsed (refused later by the signature check) */
    private static String path(ContainerRequestContext request) {
        try {
            return request.getUriInfo().getPath(false);
        } catch (RuntimeException e) {
            return "";
        }
    }
}
