/**
 * The marketplace: an OSGi bundle repository of plugins (uploaded, validated, served as an R5
 * {@code repository.xml}) and the groups' subscriptions to them, which the center rolls out to
 * every host of the group, in batches, also to hosts that join the group later.
 */
@Export
@Version("0.1.0")
package dev.orrery.center.market;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
