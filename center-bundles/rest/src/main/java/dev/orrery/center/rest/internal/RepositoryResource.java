package dev.orrery.center.rest.internal;

import dev.orrery.center.market.MarketService;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

/**
 * {@code GET /market/repository.xml}: the marketplace as an OSGi R5 repository index, whose
 * bundle URLs are absolute ({@code …/api/v1/market/plugins/NAME/VERSION/bundle.jar}), so Karaf's
 * repository tooling ({@code feature:repo-add}, {@code obr}/{@code repository} commands) can
 * read it. Unsigned when the REST setting {@code publicRepository} is on.
 */
@Path("/market/repository.xml")
public final class RepositoryResource {
    private final MarketService market;

    RepositoryResource(MarketService market) {
        this.market = market;
    }

    /**
     * @param uri the request URI: the bundle URLs are relative to its {@code market/} folder
     * @return the index as {@code application/xml}
     */
    @GET
    @Produces({MediaType.APPLICATION_XML, MediaType.APPLICATION_JSON})
    @Permission("market:read")
    @PublicRepository
    public Response index(@Context UriInfo uri) {
        String base = uri.getBaseUriBuilder().path("market").build().toString();
        base = base.endsWith("/") ? base : base + "/";
        return Response.ok(market.repositoryXml(base), MediaType.APPLICATION_XML_TYPE).build();
    }
}
