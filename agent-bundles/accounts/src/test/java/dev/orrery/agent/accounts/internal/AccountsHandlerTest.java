package dev.orrery.agent.accounts.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.orrery.agent.api.TaskContext;
import dev.orrery.agent.api.TaskOutcome;
import dev.orrery.agent.api.TaskRequest;
import dev.orrery.api.ErrorCode;
import dev.orrery.api.HostTaskState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Create, re-create, delete and refusals against a real scratch root with the real useradd/userdel. */
class AccountsHandlerTest {
    static final TaskContext CTX = new TaskContext() {
        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public void onCancel(Runnable action) {
        }
    };
    private ScratchRoot scratch;
    private AccountsHandler handler;
    private final MutableClock clock = new MutableClock();

    @BeforeEach
    void setUp() throws IOException {
        assumeTrue(Tools.has("useradd") && Tools.has("userdel") && Tools.has("usermod"), "shadow tools missing");
        assumeTrue("root".equals(System.getProperty("user.name")), "useradd --root needs root");
        scratch = new ScratchRoot();
        handler = new AccountsHandler(scratch.settings(), clock);
    }

    @AfterEach
    void tearDown() throws IOException {
        if (scratch != null) {
            scratch.close();
        }
    }

    static TaskOutcome run(AccountsHandler h, String... kv) {
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            params.put(kv[i], kv[i + 1]);
        }
        return h.execute(new TaskRequest("t1", "host-1", "accounts", params, null, 0), CTX);
    }

    static String out(TaskOutcome o) {
        assertEquals(HostTaskState.SUCCEEDED, o.state(), () -> o.error() + ": " + o.errorMessage());
        return new String(o.stdout(), StandardCharsets.UTF_8);
    }

    @Test
    void createsAPersonalAccountWithKeyAndSudo() throws IOException {
        String out = out(run(handler, "op", "create", "user", "alice", "sshPublicKey", ScratchRoot.key(1, "alice@laptop"),
                "sudo", "true", "kind", "personal"));
        assertTrue(out.contains("\"changed\":[\"user created\",\"key added\",\"sudo granted\"]"), out);
        assertTrue(scratch.read("etc/passwd").contains("alice:x:1000:1000:orrery personal:/home/alice:/bin/bash"));
        Path ssh = scratch.path("home/alice/.ssh");
        assertEquals("rwx------", mode(ssh));
        assertEquals("rw-------", mode(ssh.resolve("authorized_keys")));
        assertEquals(1000, Files.getAttribute(ssh, "unix:uid", LinkOption.NOFOLLOW_LINKS));
        assertEquals(1000, Files.getAttribute(ssh.resolve("authorized_keys"), "unix:gid", LinkOption.NOFOLLOW_LINKS));
        assertEquals(ScratchRoot.key(1, "alice@laptop") + " " + KeyFiles.PRIMARY + "\n", scratch.read("home/alice/.ssh/authorized_keys"));
        assertEquals("alice ALL=(ALL) NOPASSWD:ALL\n", scratch.read("etc/sudoers.d/orrery-alice"));
        assertEquals("r--r-----", mode(scratch.path("etc/sudoers.d/orrery-alice")));
        assertTrue(scratch.read("etc/shadow").contains("alice:!"), "a personal account has no password");
    }

    @Test
    void aSecondCreateChangesNothingAndAChangedKeyOrSudoIsUpdated() throws IOException {
        String key = ScratchRoot.key(1, "a");
        out(run(handler, "op", "create", "user", "alice", "sshPublicKey", key, "sudo", "true"));
        String passwd = scratch.read("etc/passwd");
        assertTrue(out(run(handler, "op", "create", "user", "alice", "sshPublicKey", key, "sudo", "true")).contains("\"changed\":[]"));
        assertEquals(passwd, scratch.read("etc/passwd"));

        String again = out(run(handler, "op", "create", "user", "alice", "sshPublicKey", ScratchRoot.key(2, "b"), "sudo", "false"));
        assertTrue(again.contains("\"changed\":[\"key replaced\",\"sudo revoked\"]"), again);
        assertEquals(ScratchRoot.key(2, "b") + " " + KeyFiles.PRIMARY + "\n", scratch.read("home/alice/.ssh/authorized_keys"));
        assertFalse(Files.exists(scratch.path("etc/sudoers.d/orrery-alice")));
    }

    @Test
    void deleteRemovesUserHomeAndSudoAndIsIdempotent() throws IOException {
        out(run(handler, "op", "create", "user", "bob", "sshPublicKey", ScratchRoot.key(3, ""), "sudo", "true"));
        String out = out(run(handler, "op", "delete", "user", "bob"));
        assertTrue(out.contains("\"changed\":[\"user and home removed\",\"sudo revoked\"]"), out);
        assertFalse(scratch.read("etc/passwd").contains("bob:"));
        assertFalse(Files.exists(scratch.path("home/bob")));
        assertFalse(Files.exists(scratch.path("etc/sudoers.d/orrery-bob")));
        assertTrue(out(run(handler, "op", "delete", "user", "bob")).contains("\"changed\":[]"));
    }

    @Test
    void refusesSystemAccounts() throws IOException {
        for (String user : new String[] {"root", "daemon", "nobody"}) {
            TaskOutcome o = run(handler, "op", "delete", "user", user);
            assertEquals(ErrorCode.BAD_TASK, o.error(), user);
            assertTrue(o.errorMessage().contains("system account"), o.errorMessage());
        }
        assertEquals(ErrorCode.BAD_TASK, run(handler, "op", "create", "user", "daemon", "sshPublicKey", ScratchRoot.key(4, "")).error());
        TaskOutcome group = run(handler, "op", "create", "user", "sudo", "sshPublicKey", ScratchRoot.key(4, ""));
        assertEquals(ErrorCode.BAD_TASK, group.error(), "a user named after a system group would join it");
        assertTrue(group.errorMessage().contains("system group"), group.errorMessage());
        assertFalse(scratch.read("etc/passwd").contains("sudo:"));
        assertTrue(scratch.read("etc/passwd").contains("daemon:x:1:1:"));
        assertFalse(Files.exists(scratch.path("etc/sudoers.d")));
    }

    @Test
    void authorizeAddsAKeyOnceAndCreatesOnlyWhenAsked() throws IOException {
        TaskOutcome missing = run(handler, "op", "authorize", "user", "carol", "sshPublicKey", ScratchRoot.key(5, ""));
        assertEquals(ErrorCode.ACCOUNT_FAILED, missing.error());
        assertTrue(missing.errorMessage().contains("find account"), missing.errorMessage());

        String out = out(run(handler, "op", "authorize", "user", "carol", "sshPublicKey", ScratchRoot.key(5, "x"), "create", "true"));
        assertTrue(out.contains("\"changed\":[\"user created\",\"key added\"]"), out);
        assertTrue(out(run(handler, "op", "authorize", "user", "carol", "sshPublicKey", ScratchRoot.key(5, "other comment")))
                .contains("\"changed\":[]"));
        out(run(handler, "op", "authorize", "user", "carol", "sshPublicKey", ScratchRoot.key(6, "")));
        assertEquals(2, scratch.read("home/carol/.ssh/authorized_keys").lines().count());
    }

    @Test
    void refusesASymbolicLinkedSshFolder() throws IOException {
        out(run(handler, "op", "authorize", "user", "dave", "sshPublicKey", ScratchRoot.key(7, ""), "create", "true"));
        Path ssh = scratch.path("home/dave/.ssh");
        Files.delete(ssh.resolve("authorized_keys"));
        Files.delete(ssh);
        Path elsewhere = Files.createDirectory(scratch.path("elsewhere"));
        Files.createSymbolicLink(ssh, elsewhere);
        TaskOutcome o = run(handler, "op", "authorize", "user", "dave", "sshPublicKey", ScratchRoot.key(8, ""));
        assertEquals(ErrorCode.ACCOUNT_FAILED, o.error());
        assertTrue(o.errorMessage().contains("symbolic link"), o.errorMessage());
        assertFalse(Files.exists(elsewhere.resolve("authorized_keys")));
    }

    @Test
    void aFailingToolIsAccountFailedNamingTheStepAndItsMessage() throws IOException {
        Files.delete(scratch.path("etc/shadow"));
        Files.createDirectory(scratch.path("etc/shadow"));
        TaskOutcome o = run(handler, "op", "create", "user", "gina", "sshPublicKey", ScratchRoot.key(9, ""));
        assertEquals(ErrorCode.ACCOUNT_FAILED, o.error());
        assertTrue(o.errorMessage().startsWith("step useradd failed: exit 1: "), o.errorMessage());
        assertTrue(o.errorMessage().contains("useradd: cannot open /etc/shadow"), o.errorMessage());
    }

    static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
    }
}
