/**
 * The agent's extension points. A capability is a bundle that registers a {@link TaskHandler}
 * service with the property {@value TaskHandler#TYPE} naming the task type it handles; the agent
 * core tracks handlers as a whiteboard, so a capability can be installed, updated or removed
 * while the agent runs. {@link HostIdentity} is how the core learns who this host is.
 */
@Export
@Version("0.3.0")
package dev.orrery.agent.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
