/**
 * Cron jobs: jobs created at the center, kept in the store, synced to the agents of their hosts
 * as their desired state, run there on schedule (also while the center is away), and each run
 * read back from the data channel.
 */
@Export
@Version("0.1.0")
package dev.orrery.center.cron;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
