/**
 * The high-risk command guard: a shell-aware check of a command line before it runs, shared by the
 * center's proxy and the agent. {@link dev.orrery.guard.CommandGuard} is the service;
 * {@link dev.orrery.guard.Guard} the plain implementation (usable without OSGi), configured by
 * {@link dev.orrery.guard.GuardRules}; {@link dev.orrery.guard.ShellWords} reports where the
 * program names of a command line are (for command mapping). See {@code docs/guard.md}.
 */
@Export
@Version("0.1.0")
package dev.orrery.guard;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
