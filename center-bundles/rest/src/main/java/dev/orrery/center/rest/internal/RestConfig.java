package dev.orrery.center.rest.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the REST API, PID {@code dev.orrery.center.rest}. */
@ObjectClassDefinition(name = "Orrery REST API", description = "The signed JSON API of the center (CXF JAX-RS).")
public @interface RestConfig {

    /** The configuration PID. */
    String PID = "dev.orrery.center.rest";

    /**
     * @return endpoint address below the API's servlet (registered at {@code /api}): {@code /v1} serves {@code /api/v1}
     */
    @AttributeDefinition(name = "Address", description = "Endpoint address below the API's servlet at /api: /v1 serves /api/v1.")
    String address() default "/v1";

    /** @return largest request body accepted, in bytes; larger bodies get 413 BODY_TOO_LARGE */
    @AttributeDefinition(name = "Largest body (bytes)", min = "1024", max = "268435456",
            description = "Largest request body accepted, in bytes (1024 to 256 MiB). Larger: 413 BODY_TOO_LARGE.")
    int maxBodyBytes() default 1048576;

    /** @return how far a request's timestamp may be from the center's clock, in seconds */
    @AttributeDefinition(name = "Largest clock skew (seconds)", min = "1", max = "3600",
            description = "How far X-Orrery-Timestamp may be from the center's clock (1 to 3600 s). Further: 401.")
    int maxSkewSeconds() default 300;

    /** @return how many used nonces are remembered within the skew window */
    @AttributeDefinition(name = "Nonce cache size", min = "1000", max = "10000000",
            description = "How many used nonces are remembered within the skew window (1000 to 10,000,000). "
                    + "When full, new requests are refused with 401 until entries expire.")
    int nonceCacheSize() default 100000;

    /** @return most target names (hosts plus groups) one request may name; more get 413 TOO_MANY_TARGETS */
    @AttributeDefinition(name = "Most targets per request", min = "1", max = "1000000",
            description = "Most target names (hosts plus groups) in one request (1 to 1,000,000). More: 413 TOO_MANY_TARGETS, nothing dispatched.")
    int maxTargets() default 10000;

    /** @return requests per second each API account may make on average; 0 for no limit */
    @AttributeDefinition(name = "Requests per second per account", min = "0", max = "1000000",
            description = "Average requests per second each API account may make (token bucket per key id; 0 disables). "
                    + "Over it: 429 RATE_LIMITED with Retry-After.")
    int rateLimitPerSecond() default 200;

    /** @return how many requests an account may make at once after being idle (the bucket's size) */
    @AttributeDefinition(name = "Burst per account", min = "1", max = "1000000",
            description = "How many requests an API account may make at once after being idle (the size of its token bucket).")
    int rateBurst() default 400;

    /** @return largest script of POST /store (and most script bytes in one POST /action); larger gets 413 CONTENT_TOO_LARGE */
    @AttributeDefinition(name = "Largest script (bytes)", min = "1", max = "268435456",
            description = "Largest script POST /store accepts, and most bytes of store scripts in one POST /action (1 to 256 MiB)."
                    + " Larger: 413 CONTENT_TOO_LARGE. The whole request must also fit maxBodyBytes.")
    int maxScriptBytes() default 1048576;

    /** @return largest plugin jar POST /market/plugins accepts as its body (this path only; maxBodyBytes does not apply to it) */
    @AttributeDefinition(name = "Largest plugin upload (bytes)", min = "1024", max = "268435456",
            description = "Largest body of POST /market/plugins (the plugin jar), in bytes (1024 to 256 MiB); maxBodyBytes does not apply"
                    + " to this path. Larger: 413 BODY_TOO_LARGE. Keep it at least the marketplace's maxPluginBytes.")
    int maxUploadBytes() default 4194304;

    /** @return whether GET /market/repository.xml and the plugin bundle downloads are served without a signature */
    @AttributeDefinition(name = "Public plugin repository",
            description = "Serve GET /market/repository.xml and GET /market/plugins/NAME/VERSION/bundle.jar without a signature, so"
                    + " Karaf's repository tooling (which cannot sign) can read them. false: they need a signed call with market:read.")
    boolean publicRepository() default true;
}
