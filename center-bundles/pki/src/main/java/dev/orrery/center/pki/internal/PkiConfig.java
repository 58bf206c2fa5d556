package dev.orrery.center.pki.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the center's CA (PID {@value #PID}). */
@ObjectClassDefinition(name = "Orrery center PKI", description = "The CA, enrollment tokens and revocation")
public @interface PkiConfig {
    /** The configuration PID. */
    String PID = "dev.orrery.center.pki";

    /** @return folder of the Orrery data; empty means {@code ${karaf.data}/orrery} */
    @AttributeDefinition(name = "Data folder", required = false,
            description = "Folder holding pki/ (CA, tokens, revoked list) and the default enrollment files. Empty: ${karaf.data}/orrery.")
    String dataDir() default "";

    /** @return validity of an issued certificate, days */
    @AttributeDefinition(name = "Certificate validity (days)", min = "1", description = "Validity of agent and channel certificates.")
    int certificateDays() default 3650;

    /** @return validity of the CA created at first start, days */
    @AttributeDefinition(name = "CA validity (days)", min = "1", description = "Validity of the CA created at first start.")
    int caDays() default 7300;

    /** @return whether to write default enrollment tokens at start */
    @AttributeDefinition(name = "Default tokens",
            description = "At start, write enroll-agent.token and enroll-channel.token (unlimited uses, no expiry, mode 0600)"
                    + " beside ca.pem in the data folder when they are missing, for the all-in-one and the local fleet.")
    boolean defaultTokens() default true;
}
