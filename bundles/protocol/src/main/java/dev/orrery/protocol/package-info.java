/**
 * The wire protocol between agents, channels and the center: versioned, length-prefixed binary
 * frames carried over MINA. A frame is
 * {@code magic 'O''R' (2 bytes) | version (1) | type (1) | payload length (4, big endian) | payload}.
 * Payloads are encoded field by field with {@link WireWriter}; no Java serialization anywhere.
 * Frames larger than the configured maximum, of an unknown version or type, or whose payload
 * does not decode exactly, are refused and the session that sent them is closed. Tasks are signed
 * by the center and verified by the agent with {@link dev.orrery.protocol.TaskSigning} and
 * {@link dev.orrery.protocol.MerkleTree}.
 */
@Export
@Version("0.4.0")
package dev.orrery.protocol;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
