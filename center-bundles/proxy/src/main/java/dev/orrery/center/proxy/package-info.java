/**
 * The Proxy: accepts tasks, resolves their targets, persists one host task per host,
 * dispatches through each host's channel, records acks and results, and ends tasks on timeout
 * or cancel. REST resources and shell commands call {@link TaskService}.
 */
@Export
@Version("0.3.0")
package dev.orrery.center.proxy;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
