package dev.orrery.agent.accounts.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A scratch root folder under {@code target/} with just enough of {@code etc/} for useradd and
 * friends (run with {@code --root}, they chroot into it). Tests never touch the machine's own accounts.
 */
final class ScratchRoot implements AutoCloseable {
    final Path root;

    ScratchRoot() throws IOException {
        Path base = Path.of("target", "scratch-roots").toAbsolutePath();
        Files.createDirectories(base);
        root = Files.createTempDirectory(base, "root-");
        if (!root.startsWith(base) || root.getParent() == null || root.equals(Path.of("/"))) {
            throw new IllegalStateException("refusing a scratch root outside target/: " + root);
        }
        Files.createDirectories(root.resolve("etc"));
        Files.createDirectories(root.resolve("home"));
        write("etc/passwd", "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n"
                + "nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n", "rw-r--r--");
        write("etc/group", "root:x:0:\ndaemon:x:1:\nsudo:x:27:\nnogroup:x:65534:\n", "rw-r--r--");
        write("etc/shadow", "root:*:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\nnobody:*:19000:0:99999:7:::\n", "rw-r-----");
        write("etc/gshadow", "root:*::\ndaemon:*::\nsudo:*::\nnogroup:*::\n", "rw-r-----");
        write("etc/login.defs", "UID_MIN 1000\nUID_MAX 60000\nGID_MIN 1000\nGID_MAX 60000\nUSERGROUPS_ENAB yes\n", "rw-r--r--");
    }

    AccountsSettings settings() {
        return AccountsSettings.of(root.toString(), 24, 30, "/bin/bash");
    }

    void write(String file, String text, String mode) throws IOException {
        Path p = root.resolve(file);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(mode));
    }

    String read(String file) throws IOException {
        return Files.readString(root.resolve(file), StandardCharsets.UTF_8);
    }

    Path path(String file) {
        return root.resolve(file);
    }

    /** @return a well-formed ed25519 public key line whose 32 key bytes are all {@code seed} */
    static String key(int seed, String comment) {
        byte[] type = "ssh-ed25519".getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(4 + type.length + 4 + 32);
        b.putInt(type.length).put(type).putInt(32);
        for (int i = 0; i < 32; i++) {
            b.put((byte) seed);
        }
        return "ssh-ed25519 " + Base64.getEncoder().encodeToString(b.array()) + (comment.isEmpty() ? "" : " " + comment);
    }

    @Override
    public void close() throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
