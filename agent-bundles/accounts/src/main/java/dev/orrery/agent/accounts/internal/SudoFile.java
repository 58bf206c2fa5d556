package dev.orrery.agent.accounts.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Pattern;

/**
 * {@code ROOT/etc/sudoers.d/orrery-USER}: {@code USER ALL=(ALL) NOPASSWD:ALL}, 0440 root. A broken
 * sudoers file can lock every administrator out, so the content is checked before it is moved into
 * place: by {@code visudo -cf} where visudo is installed, and always against the one line this class
 * writes (the user name is already validated, so the line can hold nothing else).
 */
final class SudoFile {
    private static final Pattern LINE = Pattern.compile("[a-z_][a-z0-9_-]{0,31} ALL=\\(ALL\\) NOPASSWD:ALL\n");
    private final Path dir;
    private final Tools tools;

    SudoFile(Path root, Tools tools) {
        this.dir = root.resolve("etc/sudoers.d");
        this.tools = tools;
    }

    Path file(String user) {
        return dir.resolve("orrery-" + user);
    }

    /**
     * @param user a validated account name
     * @return whether the file had to be written (absent or different)
     * @throws Failure if validation or a file step fails
     */
    boolean grant(String user) throws Failure {
        String text = user + " ALL=(ALL) NOPASSWD:ALL\n";
        Path file = file(user);
        KeyFiles.refuseLink(file);
        try {
            if (Files.isRegularFile(file) && Files.readString(file, StandardCharsets.UTF_8).equals(text)
                    && PosixFilePermissions.toString(Files.getPosixFilePermissions(file)).equals("r--r-----")) {
                return false;
            }
            if (!LINE.matcher(text).matches()) {
                throw Failure.step("validate sudoers", "refusing to write an unexpected sudoers line");
            }
            Files.createDirectories(dir);
            Path tmp = dir.resolve(".orrery-" + user + ".tmp"); // sudo ignores names with a dot
            Files.deleteIfExists(tmp);
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("r--r-----"));
            if (Tools.has("visudo")) {
                try {
                    tools.run(null, "visudo", "-c", "-q", "-f", tmp.toString());
                } catch (Failure f) {
                    Files.deleteIfExists(tmp);
                    throw f;
                }
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return true;
        } catch (IOException x) {
            throw Failure.step("write sudoers.d/orrery-" + user, x.getMessage());
        }
    }

    /**
     * @param user a validated account name
     * @return whether a file was removed
     * @throws Failure if it cannot be removed
     */
    boolean revoke(String user) throws Failure {
        try {
            return Files.deleteIfExists(file(user));
        } catch (NoSuchFileException x) {
            return false;
        } catch (IOException x) {
            throw Failure.step("remove sudoers.d/orrery-" + user, x.getMessage());
        }
    }
}
