package dev.orrery.center.pki;

import java.util.Set;

/** Revoked hosts: their registrations and channel connections are refused, and so is re-enrollment. */
public interface Revocations {

    /** @param hostId a host @return {@code true} if it was not revoked before */
    boolean revoke(String hostId);

    /** @param hostId a host @return {@code true} if it was revoked before */
    boolean restore(String hostId);

    /** @param hostId a host @return whether it is revoked */
    boolean isRevoked(String hostId);

    /** @return every revoked hostId */
    Set<String> revoked();

    /**
     * @param listener told of each change: the hostId and whether it is now revoked
     * @return a handle that removes the listener when run
     */
    Runnable onChange(RevocationListener listener);

    /** A change of one host's revocation. */
    @FunctionalInterface
    interface RevocationListener {
        /** @param hostId the host @param revoked whether it is now revoked */
        void changed(String hostId, boolean revoked);
    }
}
