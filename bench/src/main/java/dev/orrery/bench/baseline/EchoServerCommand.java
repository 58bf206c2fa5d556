package dev.orrery.bench.baseline;

import dev.orrery.bench.Args;
import dev.orrery.bench.Command;
import dev.orrery.bench.StatusLine;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.service.IoHandlerAdapter;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.transport.socket.nio.NioSocketAcceptor;

/**
 * {@code bench echo-server}: the transport baseline's server, a bare MINA acceptor (no codec)
 * that writes every buffer it receives back to its sender. Prints {@code @ready port=P}, then
 * runs until its standard input says {@code stop} or closes.
 */
public final class EchoServerCommand implements Command {
    @Override
    public int run(List<String> args, PrintStream out) throws Exception {
        Args a = Args.parse(args, Set.of("port", "io-threads"), Set.of());
        NioSocketAcceptor acceptor = new NioSocketAcceptor(a.integer("io-threads", 1, 1, 64));
        try {
            acceptor.setReuseAddress(true);
            acceptor.setBacklog(4096);
            acceptor.getSessionConfig().setTcpNoDelay(true);
            acceptor.setHandler(new Echo());
            acceptor.bind(new InetSocketAddress("127.0.0.1", a.integer("port", 0, 0, 65535)));
            int port = ((InetSocketAddress) acceptor.getLocalAddress()).getPort();
            out.println(StatusLine.of("ready", "port", port).format());
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null && !line.trim().equals("stop"); line = in.readLine()) {
                // only "stop" means something
            }
        } finally {
            acceptor.unbind();
            acceptor.dispose(true);
        }
        return 0;
    }

    /** Echoes each received buffer back; on the I/O thread, never blocking. */
    static final class Echo extends IoHandlerAdapter {
        @Override
        public void messageReceived(IoSession s, Object message) {
            IoBuffer in = (IoBuffer) message;
            IoBuffer copy = IoBuffer.allocate(in.remaining());
            copy.put(in);
            copy.flip();
            s.write(copy);
        }

        @Override
        public void exceptionCaught(IoSession s, Throwable cause) {
            s.closeNow();
        }
    }
}
