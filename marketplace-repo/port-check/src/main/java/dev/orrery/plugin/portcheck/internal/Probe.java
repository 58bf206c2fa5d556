package dev.orrery.plugin.portcheck.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeUnit;

/**
 * Connects to targets one at a time and describes the outcome. Cancellation ({@link #run()}, the
 * action registered with the task context) closes the socket being connected, which ends a
 * blocking connect at once, and makes every later {@link #check} answer {@code cancelled}.
 * One probe per plugin run; {@link #run()} may be called from any thread.
 */
final class Probe implements Runnable {
    /** How a check ended. */
    enum State { OPEN, CLOSED, TIMEOUT, UNKNOWN_HOST, ERROR, CANCELLED }

    /**
     * @param state how it ended
     * @param line the output line, {@code HOST:PORT open 3 ms}, {@code HOST:PORT closed (Connection refused)}…
     */
    record Outcome(State state, String line) {
    }

    private final int timeoutMillis;
    private Socket current;
    private boolean cancelled;

    Probe(int timeoutSeconds) {
        this.timeoutMillis = (int) TimeUnit.SECONDS.toMillis(timeoutSeconds);
    }

    /** Cancels: closes the socket being connected, if any, and refuses further checks. */
    @Override
    public void run() {
        Socket socket;
        synchronized (this) {
            cancelled = true;
            socket = current;
        }
        closeQuietly(socket);
    }

    synchronized boolean cancelled() {
        return cancelled;
    }

    /**
     * @param target where to connect
     * @return the outcome; never throws
     */
    Outcome check(Target target) {
        InetSocketAddress address = new InetSocketAddress(target.host(), target.port());
        if (address.isUnresolved()) {
            return new Outcome(State.UNKNOWN_HOST, target.text() + " unknown host");
        }
        Socket socket = new Socket();
        if (!attach(socket)) {
            closeQuietly(socket);
            return new Outcome(State.CANCELLED, target.text() + " cancelled");
        }
        long start = System.nanoTime();
        try {
            socket.connect(address, timeoutMillis);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            return new Outcome(State.OPEN, target.text() + " open " + millis + " ms");
        } catch (SocketTimeoutException e) {
            return new Outcome(State.TIMEOUT, target.text() + " timeout");
        } catch (ConnectException e) {
            return cancelled() ? new Outcome(State.CANCELLED, target.text() + " cancelled")
                    : new Outcome(State.CLOSED, target.text() + " closed (" + reason(e) + ")");
        } catch (IOException | RuntimeException e) {
            return cancelled() ? new Outcome(State.CANCELLED, target.text() + " cancelled")
                    : new Outcome(State.ERROR, target.text() + " error (" + reason(e) + ")");
        } finally {
            detach();
            closeQuietly(socket);
        }
    }

    private synchronized boolean attach(Socket socket) {
        if (cancelled) {
            return false;
        }
        current = socket;
        return true;
    }

    private synchronized void detach() {
        current = null;
    }

    private static String reason(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    private static void closeQuietly(Socket socket) {
        if (socket == null) {
            return;
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing to abort or release: nothing left to do
        }
    }
}
