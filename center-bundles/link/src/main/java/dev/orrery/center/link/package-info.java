/**
 * The center's side of the long links: the MINA acceptor on port 7700 where agents register
 * (ConfigService answers with the channels to connect to) and channels keep one connection
 * each. Other center bundles send tasks down through {@link dev.orrery.center.link.ChannelGateway}
 * and hear acks, results and presence through the {@link dev.orrery.center.link.LinkListener}
 * whiteboard. Agents are told the center's task-signing key ({@link dev.orrery.center.link.TaskSigningKey})
 * in their welcome.
 */
@Export
@Version("0.2.0")
package dev.orrery.center.link;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
