package dev.orrery.protocol;

/** A frame or payload that does not follow the protocol. The session that sent it is closed. */
public class ProtocolException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what was wrong, for the log */
    public ProtocolException(String message) {
        super(message);
    }
}
