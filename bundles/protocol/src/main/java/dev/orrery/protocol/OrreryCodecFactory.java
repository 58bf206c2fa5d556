package dev.orrery.protocol;

import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.filter.codec.CumulativeProtocolDecoder;
import org.apache.mina.filter.codec.ProtocolCodecFactory;
import org.apache.mina.filter.codec.ProtocolDecoder;
import org.apache.mina.filter.codec.ProtocolDecoderOutput;
import org.apache.mina.filter.codec.ProtocolEncoder;
import org.apache.mina.filter.codec.ProtocolEncoderAdapter;
import org.apache.mina.filter.codec.ProtocolEncoderOutput;

/**
 * MINA codec for Orrery frames. The decoder checks each header before buffering its payload,
 * so an oversized or foreign frame is refused within its eight header bytes (a foreign protocol
 * at its first byte) and never allocates its announced length. Thread-safe: encoder and decoder
 * hold no per-session state outside MINA's cumulative buffer.
 */
public final class OrreryCodecFactory implements ProtocolCodecFactory {
    private final ProtocolEncoder encoder = new Encoder();
    private final ProtocolDecoder decoder;

    /** @param maxPayload the largest payload accepted, in bytes */
    public OrreryCodecFactory(int maxPayload) {
        if (maxPayload <= 0) {
            throw new IllegalArgumentException("maxPayload must be positive: " + maxPayload);
        }
        this.decoder = new Decoder(maxPayload);
    }

    @Override
    public ProtocolEncoder getEncoder(IoSession session) {
        return encoder;
    }

    @Override
    public ProtocolDecoder getDecoder(IoSession session) {
        return decoder;
    }

    private static final class Encoder extends ProtocolEncoderAdapter {
        @Override
        public void encode(IoSession session, Object message, ProtocolEncoderOutput out) {
            if (!(message instanceof Message m)) {
                throw new ProtocolException("not a protocol message: " + message.getClass().getName());
            }
            out.write(IoBuffer.wrap(Frames.encode(m)));
        }
    }

    private static final class Decoder extends CumulativeProtocolDecoder {
        private final int maxPayload;

        Decoder(int maxPayload) {
            this.maxPayload = maxPayload;
        }

        @Override
        protected boolean doDecode(IoSession session, IoBuffer in, ProtocolDecoderOutput out) {
            if (in.remaining() < Frames.HEADER_BYTES) {
                Frames.checkPartialHeader(in.buf());
                return false;
            }
            int len = Frames.checkHeader(in.buf(), maxPayload);
            if (in.remaining() < Frames.HEADER_BYTES + len) {
                return false;
            }
            int type = in.get(in.position() + 3) & 0xff;
            in.skip(Frames.HEADER_BYTES);
            byte[] payload = new byte[len];
            in.get(payload);
            out.write(Frames.decode(type, payload));
            return true;
        }
    }
}
