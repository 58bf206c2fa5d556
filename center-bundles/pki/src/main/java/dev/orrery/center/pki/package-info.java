/**
 * The center's certificate authority: it issues the certificates of the center's link server,
 * of channels and of agents, enrolls agents and channels that present a token, and keeps the
 * list of revoked hosts. The CA key is sealed with the center's master key at rest.
 */
@Export
@Version("0.1.0")
package dev.orrery.center.pki;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
