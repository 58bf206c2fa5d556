package dev.orrery.bench.fanout;

import dev.orrery.protocol.Frames;
import dev.orrery.protocol.Message;
import dev.orrery.protocol.Message.Register;
import dev.orrery.protocol.Message.Welcome;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.List;
import javax.net.ssl.SSLContext;

/**
 * Asks the center which channels it hands out, the way an agent registers: the welcome of a probe
 * host ({@code bench-probe}, group {@code bench-probe}, never online) lists the healthy channels.
 */
final class ChannelProbe {
    static final String HOST = "bench-probe";

    private ChannelProbe() {
    }

    /** @return how many channels a welcome to an agent of {@code idc} lists now */
    static int healthyChannels(String host, int port, String idc) throws IOException {
        return healthyChannels(host, port, idc, null);
    }

    /**
     * @param tls the probe's client context (enrolled as {@link #HOST}), {@code null} for a plain-text center
     * @return how many channels a welcome to an agent of {@code idc} lists now
     */
    static int healthyChannels(String host, int port, String idc, SSLContext tls) throws IOException {
        try (Socket s = tls == null ? new Socket() : tls.getSocketFactory().createSocket()) {
            s.connect(new InetSocketAddress(host, port), 5_000);
            s.setSoTimeout(10_000);
            s.getOutputStream().write(Frames.encode(new Register("", HOST, HOST, List.of("127.0.0.1"), HOST, idc,
                    List.of(HOST), "bench")));
            DataInputStream in = new DataInputStream(s.getInputStream());
            byte[] header = new byte[Frames.HEADER_BYTES];
            in.readFully(header);
            int len = Frames.checkHeader(ByteBuffer.wrap(header), Frames.DEFAULT_MAX_PAYLOAD);
            byte[] payload = new byte[len];
            in.readFully(payload);
            Message m = Frames.decode(header[3] & 0xff, payload);
            if (!(m instanceof Welcome w)) {
                throw new IOException("the center answered " + m.type() + " instead of WELCOME");
            }
            return w.channels().size();
        }
    }
}
