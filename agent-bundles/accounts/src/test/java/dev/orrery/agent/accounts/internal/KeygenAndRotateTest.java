package dev.orrery.agent.accounts.internal;

import static dev.orrery.agent.accounts.internal.AccountsHandlerTest.mode;
import static dev.orrery.agent.accounts.internal.AccountsHandlerTest.out;
import static dev.orrery.agent.accounts.internal.AccountsHandlerTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.orrery.api.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** keygen, rotate and the automatic rotation of public passwords, in a real scratch root. */
class KeygenAndRotateTest {
    private static final Pattern PASSWORD = Pattern.compile("\"password\":\"([A-Za-z0-9]{20})\"");
    private ScratchRoot scratch;
    private AccountsHandler handler;
    private final MutableClock clock = new MutableClock();

    @BeforeEach
    void setUp() throws IOException {
        assumeTrue(Tools.has("useradd") && Tools.has("chpasswd") && Tools.has("ssh-keygen"), "tools missing");
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

    @Test
    void keygenMakesTheUsersPairOnceAndAnswersThePublicKey() throws Exception {
        out(run(handler, "op", "authorize", "user", "erin", "sshPublicKey", ScratchRoot.key(1, ""), "create", "true"));
        String pub = out(run(handler, "op", "keygen", "user", "erin")).strip();
        assertTrue(pub.startsWith("ssh-ed25519 ") && pub.endsWith(" erin@host-1"), pub);
        SshKey.parse(pub);
        assertEquals(pub, out(run(handler, "op", "keygen", "user", "erin")).strip(), "a second keygen keeps the pair");
        var priv = scratch.path("home/erin/.ssh/id_ed25519");
        assertEquals("rw-------", mode(priv));
        assertEquals(1000, Files.getAttribute(priv, "unix:uid", LinkOption.NOFOLLOW_LINKS));
        assertEquals(1000, Files.getAttribute(priv.resolveSibling("id_ed25519.pub"), "unix:uid", LinkOption.NOFOLLOW_LINKS));
        assertEquals(ErrorCode.ACCOUNT_FAILED, run(handler, "op", "keygen", "user", "nosuch").error());
    }

    @Test
    void publicAccountsGetAPasswordOnCreateAndOnRotate() throws IOException {
        String created = out(run(handler, "op", "create", "user", "kiosk", "sshPublicKey", ScratchRoot.key(2, ""), "kind", "public"));
        String first = password(created);
        String hash1 = shadowHash("kiosk");
        assertTrue(hash1.startsWith("$6$"), hash1);
        assertTrue(!scratch.read("etc/shadow").contains(first), "never in plain text");

        String second = password(out(run(handler, "op", "rotate", "user", "kiosk")));
        assertNotEquals(first, second);
        assertNotEquals(hash1, shadowHash("kiosk"));
        assertTrue(out(run(handler, "op", "create", "user", "kiosk", "sshPublicKey", ScratchRoot.key(2, ""), "kind", "public"))
                .contains("\"changed\":[]"), "re-creating does not rotate");

        String personal = out(run(handler, "op", "create", "user", "kiosk", "sshPublicKey", ScratchRoot.key(2, ""), "kind", "personal"));
        assertTrue(personal.contains("\"kind set to personal\"") && personal.contains("\"password locked\""), personal);
        assertTrue(shadowHash("kiosk").startsWith("!"));
        assertEquals(ErrorCode.BAD_TASK, run(handler, "op", "rotate", "user", "kiosk").error());
    }

    @Test
    void publicPasswordsRotateOnTheirOwnWhenDue() throws Exception {
        out(run(handler, "op", "create", "user", "kiosk", "sshPublicKey", ScratchRoot.key(3, ""), "kind", "public"));
        out(run(handler, "op", "create", "user", "frank", "sshPublicKey", ScratchRoot.key(4, "")));
        String hash = shadowHash("kiosk");
        clock.advanceHours(23);
        assertEquals(0, handler.rotateDue());
        clock.advanceHours(1);
        assertEquals(1, handler.rotateDue(), "only the public account, once its period is over");
        assertNotEquals(hash, shadowHash("kiosk"));
        assertEquals(0, handler.rotateDue());
    }

    private static String password(String out) {
        Matcher m = PASSWORD.matcher(out);
        assertTrue(m.find(), out);
        return m.group(1);
    }

    private String shadowHash(String user) throws IOException {
        return scratch.read("etc/shadow").lines().filter(l -> l.startsWith(user + ":")).findFirst().orElseThrow().split(":")[1];
    }
}
