package dev.orrery.plugin.portcheck.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The parsed arguments: {@code [--timeout=S] HOST:PORT...} (the option may stand anywhere).
 *
 * @param targets 1 to {@value #MAX_TARGETS} targets, in the order given
 * @param timeoutSeconds the connect timeout per target, 1 to {@value #MAX_TIMEOUT}
 */
record Request(List<Target> targets, int timeoutSeconds) {
    static final int MAX_TARGETS = 64;
    static final int DEFAULT_TIMEOUT = 3;
    static final int MAX_TIMEOUT = 30;
    static final String USAGE = "usage: port-check [--timeout=S] HOST:PORT...   (1 to " + MAX_TARGETS
            + " targets; S from 1 to " + MAX_TIMEOUT + ", default " + DEFAULT_TIMEOUT + ")";
    private static final String TIMEOUT = "--timeout=";

    Request {
        targets = List.copyOf(targets);
    }

    /**
     * @param args the task's arguments
     * @return the request
     * @throws IllegalArgumentException with a message for the user when an argument is not valid
     */
    static Request parse(List<String> args) {
        List<String> specs = new ArrayList<>();
        Integer timeout = null;
        for (String arg : args) {
            if (arg == null) {
                throw new IllegalArgumentException("a null argument");
            }
            if (arg.startsWith(TIMEOUT)) {
                if (timeout != null) {
                    throw new IllegalArgumentException("--timeout is given twice");
                }
                timeout = seconds(arg.substring(TIMEOUT.length()));
            } else if (arg.startsWith("-")) {
                throw new IllegalArgumentException("unknown option: " + Target.printable(arg));
            } else {
                specs.add(arg);
            }
        }
        if (specs.isEmpty()) {
            throw new IllegalArgumentException("no HOST:PORT given");
        }
        if (specs.size() > MAX_TARGETS) {
            throw new IllegalArgumentException("too many targets: " + specs.size() + " (at most " + MAX_TARGETS + ")");
        }
        return new Request(specs.stream().map(Target::parse).toList(), timeout == null ? DEFAULT_TIMEOUT : timeout);
    }

    private static int seconds(String value) {
        if (!value.matches("[0-9]{1,2}") || Integer.parseInt(value) < 1 || Integer.parseInt(value) > MAX_TIMEOUT) {
            throw new IllegalArgumentException("--timeout must be a whole number of seconds from 1 to " + MAX_TIMEOUT);
        }
        return Integer.parseInt(value);
    }
}
