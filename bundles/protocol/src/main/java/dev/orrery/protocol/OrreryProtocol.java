package dev.orrery.protocol;

import org.apache.mina.core.filterchain.DefaultIoFilterChainBuilder;
import org.apache.mina.core.filterchain.IoFilterAdapter;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.filter.codec.ProtocolCodecException;
import org.apache.mina.filter.codec.ProtocolCodecFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs the protocol on a MINA filter chain: the frame codec, and a guard that closes a
 * session at its first protocol violation (garbage, truncated, oversized or wrong-version
 * frames). Only the offending session is closed; every other session is untouched.
 */
public final class OrreryProtocol {
    /** Name of the codec filter in the chain. */
    public static final String CODEC = "orrery-codec";
    /** Name of the guard filter in the chain. */
    public static final String GUARD = "orrery-guard";

    private static final Logger LOG = LoggerFactory.getLogger(OrreryProtocol.class);

    private OrreryProtocol() {
    }

    /**
     * @param chain the acceptor's or connector's chain builder
     * @param maxPayload the largest payload accepted, in bytes
     */
    public static void install(DefaultIoFilterChainBuilder chain, int maxPayload) {
        chain.addLast(CODEC, new ProtocolCodecFilter(new OrreryCodecFactory(maxPayload)));
        // After the codec: MINA passes the decoder's exceptionCaught on toward the handler only,
        // so a guard placed before the codec would never see a decoding failure.
        chain.addLast(GUARD, new Guard());
    }

    /**
     * @param cause an exception caught on a session
     * @return {@code true} if it is a protocol violation by the peer
     */
    public static boolean isProtocolViolation(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof ProtocolException || t instanceof ProtocolCodecException) {
                return true;
            }
        }
        return false;
    }

    private static final class Guard extends IoFilterAdapter {
        @Override
        public void exceptionCaught(NextFilter next, IoSession session, Throwable cause) throws Exception {
            if (isProtocolViolation(cause)) {
                LOG.warn("Closing session {} from {}: protocol violation: {}", session.getId(), session.getRemoteAddress(),
                        rootMessage(cause));
                session.closeNow();
            }
            next.exceptionCaught(session, cause);
        }

        private static String rootMessage(Throwable cause) {
            Throwable t = cause;
            while (t.getCause() != null && t.getCause() != t) {
                t = t.getCause();
            }
            return t.getMessage();
        }
    }
}
