/**
 * The center's persistent state: hosts, tasks, host tasks, API accounts and the audit log. The default implementation
 * keeps it in embedded Derby under {@code ${karaf.data}/orrery/db} with versioned schema
 * migrations. Every method is thread-safe and durable when it returns: callers acknowledge
 * only after it returned.
 */
@Export
@Version("0.8.0")
package dev.orrery.center.store;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
