package dev.orrery.center.link;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The center's task-signing public key, which the link hands every agent in its {@code Welcome}
 * so the agent can verify the tasks it is sent (see {@code dev.orrery.protocol.TaskSigning}). The
 * proxy, which signs the tasks, provides it; the link does not start without it.
 */
@ConsumerType
public interface TaskSigningKey {

    /** @return the Ed25519 public key, X.509 (SubjectPublicKeyInfo) encoded */
    byte[] publicKey();
}
