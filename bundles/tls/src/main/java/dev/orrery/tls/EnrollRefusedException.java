package dev.orrery.tls;

import java.io.IOException;

/** The center refused to enroll: a bad, expired or used-up token, or a revoked host. */
public final class EnrollRefusedException extends IOException {
    private static final long serialVersionUID = 1L;
    private final String code;

    /** @param code the error code @param reason why */
    public EnrollRefusedException(String code, String reason) {
        super("enrollment refused (" + code + "): " + reason);
        this.code = code;
    }

    /** @return the error code ({@code ENROLL_REFUSED} or {@code HOST_REVOKED}) */
    public String code() {
        return code;
    }
}
