package dev.orrery.agent.accounts.internal;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

/**
 * Runs the account tools (useradd, userdel, usermod, chpasswd, ssh-keygen) as argument lists,
 * never through a shell, with a timeout, a C locale and stdin from the given bytes (secrets travel
 * on stdin, never in arguments). A non-zero exit is a {@link Failure} naming the step and the
 * tool's stderr.
 */
class Tools {
    private static final List<String> BIN = List.of("/usr/sbin", "/sbin", "/usr/bin", "/bin");
    private static final int MAX_ERR = 4096;
    private final int timeoutSeconds;

    Tools(int timeoutSeconds) {
        this.timeoutSeconds = timeoutSeconds;
    }

    /**
     * @param stdin bytes for the tool's stdin, or {@code null} for none
     * @param tool the tool's name (looked up in the system folders) followed by its arguments
     * @return the tool's stdout
     * @throws Failure {@code ACCOUNT_FAILED} if it is missing, fails, or exceeds the timeout
     */
    String run(byte[] stdin, String tool, String... args) throws Failure {
        List<String> argv = new ArrayList<>();
        argv.add(find(tool));
        argv.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(argv);
        pb.environment().clear();
        pb.environment().put("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
        pb.environment().put("LC_ALL", "C");
        if (stdin == null) {
            pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        }
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw Failure.step(tool, "cannot start: " + e.getMessage());
        }
        try {
            FutureTask<byte[]> out = drain(p.getInputStream());
            FutureTask<byte[]> err = drain(p.getErrorStream());
            if (stdin != null) {
                try (OutputStream o = p.getOutputStream()) {
                    o.write(stdin);
                }
            }
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw Failure.step(tool, "no answer in " + timeoutSeconds + " s");
            }
            String stderr = text(err.get(5, TimeUnit.SECONDS));
            if (p.exitValue() != 0) {
                throw Failure.step(tool, "exit " + p.exitValue() + ": " + (stderr.isBlank() ? "(no message)" : stderr.strip()));
            }
            return text(out.get(5, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw Failure.step(tool, "interrupted");
        } catch (IOException | java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            p.destroyForcibly();
            throw Failure.step(tool, e.getMessage());
        }
    }

    /** Reads a stream to its end on a thread of its own (not a shared pool: both streams must drain at once). */
    private static FutureTask<byte[]> drain(InputStream in) {
        FutureTask<byte[]> task = new FutureTask<>(() -> {
            try (in) {
                byte[] head = in.readNBytes(MAX_ERR * 16);
                in.transferTo(OutputStream.nullOutputStream());
                return head;
            } catch (IOException e) {
                return new byte[0];
            }
        });
        Thread t = new Thread(task, "orrery-accounts-tool-output");
        t.setDaemon(true);
        t.start();
        return task;
    }

    private static String text(byte[] b) {
        String s = new String(b, StandardCharsets.UTF_8);
        return s.length() > MAX_ERR ? s.substring(0, MAX_ERR) + "…" : s;
    }

    /**
     * @param tool a tool name
     * @return its absolute path
     * @throws Failure if no system folder holds it
     */
    static String find(String tool) throws Failure {
        for (String dir : BIN) {
            Path p = Path.of(dir, tool);
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        throw Failure.step(tool, "not installed (looked in " + String.join(", ", BIN) + ")");
    }

    /** @return whether the tool is installed */
    static boolean has(String tool) {
        try {
            find(tool);
            return true;
        } catch (Failure f) {
            return false;
        }
    }
}
