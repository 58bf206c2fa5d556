package dev.orrery.protocol;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;

/**
 * Builds hostile byte sequences for a port that speaks the Orrery frame protocol, and checks
 * that the server closes the connection. Every sequence ends in bytes no frame can start with,
 * so a well-written server must close each one however the earlier bytes were read (a frame
 * that still decoded after a mutation is followed by garbage). Seeded: a failure names its case.
 */
public final class WireFuzz {
    /** Bytes after every case: more than any announced extension, and never a valid header. */
    private static final byte[] TAIL = filled(4096, (byte) 'X');
    /** The lowest type code no message has. */
    private static final int UNKNOWN_TYPE = Arrays.stream(MessageType.values()).mapToInt(MessageType::code).max().orElse(0) + 1;

    private final Random random;
    private final int maxPayload;
    private final List<Message> openers;
    private final List<Message> wrongFirst;
    private final List<Message> wrongLater;

    /**
     * @param random the seeded source
     * @param maxPayload the server's largest payload
     * @param openers valid first messages for this port
     * @param wrongFirst valid messages that may not come first
     * @param wrongLater valid messages that may not follow an opener
     */
    public WireFuzz(Random random, int maxPayload, List<Message> openers, List<Message> wrongFirst, List<Message> wrongLater) {
        this.random = random;
        this.maxPayload = maxPayload;
        this.openers = openers;
        this.wrongFirst = wrongFirst;
        this.wrongLater = wrongLater;
    }

    /**
     * One hostile connection: its bytes, a name for the report, and whether the client then
     * half-closes (for a frame cut inside its length field, which a server rightly waits on
     * until its idle timeout: the client's end of stream must close it).
     */
    public record Case(String name, byte[] bytes, boolean halfClose) {
        public Case(String name, byte[] bytes) {
            this(name, bytes, false);
        }
    }

    public Case next() {
        byte[] opener = Frames.encode(pick(openers));
        switch (random.nextInt(8)) {
            case 0: {
                byte[] b = new byte[1 + random.nextInt(600)];
                random.nextBytes(b);
                return random.nextBoolean() ? new Case("random " + b.length + " bytes", b) : tailed("random " + b.length + " bytes", b);
            }
            case 1: {
                int at = random.nextInt(4);
                byte[] b = opener.clone();
                // magic, version or type: always a value that is not valid there
                b[at] = at == 2 ? (byte) (Frames.VERSION + 1 + random.nextInt(250)) : at == 3 ? (byte) (UNKNOWN_TYPE + random.nextInt(256 - UNKNOWN_TYPE))
                        : (byte) (b[at] ^ (1 + random.nextInt(255)));
                return tailed("header byte " + at + " = " + (b[at] & 0xff), b);
            }
            case 2: {
                int len = ByteBuffer.wrap(opener, 4, 4).getInt();
                int[] choices = {maxPayload + 1 + random.nextInt(1000), Integer.MAX_VALUE, -1 - random.nextInt(1000),
                    Math.max(0, len - 1 - random.nextInt(Math.max(1, len))), len + 1 + random.nextInt(1024)};
                int announced = choices[random.nextInt(choices.length)];
                byte[] b = opener.clone();
                ByteBuffer.wrap(b, 4, 4).putInt(announced);
                return tailed("length " + len + " announced as " + announced, b);
            }
            case 3: {
                byte[] b = opener.clone();
                int flips = 1 + random.nextInt(4);
                for (int i = 0; i < flips; i++) {
                    b[Frames.HEADER_BYTES + random.nextInt(b.length - Frames.HEADER_BYTES)] ^= (byte) (1 + random.nextInt(255));
                }
                return tailed(flips + " payload bytes flipped", b);
            }
            case 4: {
                int cut = random.nextInt(opener.length);
                String name = "frame cut at " + cut + " of " + opener.length;
                return cut >= 4 && cut < Frames.HEADER_BYTES ? new Case(name + ", then end of stream", Arrays.copyOf(opener, cut), true)
                        : tailed(name, Arrays.copyOf(opener, cut));
            }
            case 5: {
                Message m = pick(wrongFirst);
                return tailed(m.type() + " first", Frames.encode(m));
            }
            case 6: {
                Message m = pick(wrongLater);
                return tailed(m.type() + " after the opener", concat(opener, Frames.encode(m)));
            }
            default: {
                byte[] extra = new byte[1 + random.nextInt(64)];
                random.nextBytes(extra);
                return tailed("opener and " + extra.length + " random bytes", concat(opener, extra));
            }
        }
    }

    /**
     * Opens a plain connection, sends the case, and reads until the server closes it.
     *
     * @param connect opens a client socket to the server (the one place to change for TLS)
     * @return {@code null} if the server closed the connection within the timeout, else why not
     */
    public static String closedByServer(IntFunction<Socket> connect, int port, Case c, int timeoutMillis) throws IOException {
        try (Socket s = connect.apply(port)) {
            s.setSoTimeout(timeoutMillis);
            try {
                s.getOutputStream().write(c.bytes());
                s.getOutputStream().flush();
                if (c.halfClose()) {
                    s.shutdownOutput();
                }
            } catch (SocketException closedWhileWriting) {
                return null;
            }
            InputStream in = s.getInputStream();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            try {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    got.write(buffer, 0, n);
                }
                return null;
            } catch (SocketTimeoutException e) {
                return "still open after " + timeoutMillis + " ms (received " + got.size() + " bytes)";
            } catch (SocketException reset) {
                return null;
            }
        }
    }

    /** A plain TCP connection to 127.0.0.1. */
    public static Socket plain(int port) {
        try {
            Socket s = new Socket();
            s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            return s;
        } catch (IOException e) {
            throw new IllegalStateException("cannot connect to port " + port, e);
        }
    }

    private Case tailed(String name, byte[] bytes) {
        return new Case(name, concat(bytes, TAIL));
    }

    private Message pick(List<Message> messages) {
        return messages.get(random.nextInt(messages.size()));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private static byte[] filled(int n, byte value) {
        byte[] b = new byte[n];
        Arrays.fill(b, value);
        return b;
    }
}
