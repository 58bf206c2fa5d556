/**
 * The {@code cmd} capability's process runner, shared with other capabilities that run a program
 * the same way ({@code store}): detached in its own session, output spooled to files so it
 * survives an agent restart, killed as a tree on timeout or cancel, standard output lines
 * published to the task's data topic. The {@code cmd} bundle registers the one
 * {@link dev.orrery.agent.cmd.run.ProcessRunner} service; its settings are those of PID
 * {@code dev.orrery.agent.cmd}.
 */
@Export
@Version("0.1.0")
package dev.orrery.agent.cmd.run;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
