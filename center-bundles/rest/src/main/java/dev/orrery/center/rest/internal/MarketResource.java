package dev.orrery.center.rest.internal;

import dev.orrery.api.ErrorCode;
import dev.orrery.api.OrreryException;
import dev.orrery.center.market.MarketService;
import dev.orrery.center.store.PluginRecord;
import java.util.List;
import java.util.Map;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

/**
 * {@code /market/plugins}: upload a plugin bundle (the jar is the body), list the plugins and
 * their versions with install counts, download a version's jar (unsigned when the repository is
 * public), delete a version no group subscribes to. The marketplace validates the jar.
 */
@Path("/market/plugins")
@Produces(MediaType.APPLICATION_JSON)
public final class MarketResource {
    /** The media type of a plugin jar. */
    static final String JAR = "application/java-archive";
    private static final List<String> UPLOAD_TYPES = List.of(JAR, MediaType.APPLICATION_OCTET_STREAM);

    private final MarketService market;

    MarketResource(MarketService market) {
        this.market = market;
    }

    /**
     * @param jar the plugin bundle
     * @param contentType {@code application/java-archive} or {@code application/octet-stream}
     * @param caller the verified caller, the uploader
     * @param uri the request URI, for the Location
     * @return 201 with the stored version
     */
    @POST
    @Permission("market:upload")
    public Response upload(byte[] jar, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, @Context SecurityContext caller,
            @Context UriInfo uri) {
        String keyId = Callers.account(caller).keyId();
        if (!jarType(contentType)) {
            throw new OrreryException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "a plugin upload must be sent as " + JAR + " (or "
                    + MediaType.APPLICATION_OCTET_STREAM + "): the body is the bundle jar");
        }
        if (jar == null || jar.length == 0) {
            throw new OrreryException(ErrorCode.PLUGIN_INVALID, "the body is empty: send the plugin bundle jar");
        }
        PluginRecord stored = market.upload(jar, keyId);
        return Response.created(uri.getBaseUriBuilder().path("market").path("plugins").path(stored.name()).build())
                .entity(MarketViews.version(stored)).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** @return {@code {"plugins":[{"name","kind","description","latest","versions":[…],"installed"}]}} */
    @GET
    @Permission("market:read")
    public Map<String, Object> list() {
        return Map.of("plugins", market.plugins().stream().map(MarketViews::summary).toList());
    }

    /** @return the plugin with every version, its install count and subscribed groups */
    @GET
    @Path("/{name}")
    @Permission("market:read")
    public Map<String, Object> get(@PathParam("name") String name) {
        return MarketViews.detail(market.plugin(name).orElseThrow(() -> notFound(name, null)));
    }

    /** @return the version's jar as {@code application/java-archive} */
    @GET
    @Path("/{name}/{version}/bundle.jar")
    @Produces({JAR, MediaType.APPLICATION_JSON})
    @Permission("market:read")
    @PublicRepository
    public Response bundle(@PathParam("name") String name, @PathParam("version") String version) {
        byte[] jar = market.jar(name, version).orElseThrow(() -> notFound(name, version));
        return Response.ok(jar, JAR).header("Content-Disposition", "attachment; filename=\"bundle.jar\"").build();
    }

    /** @return 204; the version is gone (its jar too) */
    @DELETE
    @Path("/{name}/{version}")
    @Permission("market:delete")
    public Response delete(@PathParam("name") String name, @PathParam("version") String version, @Context SecurityContext caller) {
        market.delete(name, version, Callers.account(caller).keyId());
        return Response.noContent().build();
    }

    private static boolean jarType(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.valueOf(contentType);
            return UPLOAD_TYPES.contains((type.getType() + "/" + type.getSubtype()).toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** @return {@code NOT_FOUND} naming the plugin (and version) */
    static OrreryException notFound(String name, String version) {
        return new OrreryException(ErrorCode.NOT_FOUND, version == null ? "no plugin '" + name + "' in the marketplace"
                : "no version '" + version + "' of plugin '" + name + "' in the marketplace");
    }
}
