/**
 * The shared vocabulary of Orrery: task types, host and task states, the error-code catalogue
 * with each code's layer, the exception that carries a code, and request signing for the
 * REST API. Every tier (agent, channel, center) depends on this package and on nothing else
 * of the others.
 */
@Export
@Version("0.5.0")
package dev.orrery.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
