package dev.orrery.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orrery.bench.rest.SignedClient;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Host accounts end to end on the all-in-one's local agent, whose accounts capability is pointed
 * (through its .cfg, before it starts) at a scratch root under target/: the machine's own accounts
 * are never touched. Creates a personal account with sudo and a key through POST /host-accounts,
 * checks the files, creates it again (nothing changes), sets up SSH trust from the local host to
 * itself, and deletes it.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HostAccountsIT extends AllInOneTestSupport {
    private static final String ROOT_PROPERTY = "orrery.it.accountsRoot";
    private static final String USER = "italice";
    private static final String KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOYkFv1z0Q1dd6DgQ0eh4pmJ4P5rbSRr7b6GF0i6CB9e it@laptop";

    @Override
    @Configuration
    public Option[] config() {
        String root = scratchRoot();
        Option[] base = super.config();
        Option[] all = Arrays.copyOf(base, base.length + 3);
        all[base.length] = editConfigurationFilePut("etc/dev.orrery.agent.accounts.cfg", "root", root);
        all[base.length + 1] = editConfigurationFilePut("etc/dev.orrery.agent.accounts.cfg", "publicPasswordRotateHours", "0");
        all[base.length + 2] = systemProperty(ROOT_PROPERTY).value(root);
        return all;
    }

    /** Made by the driver before the container starts: the bundle refuses a root that does not exist. */
    private static String scratchRoot() {
        try {
            Path root = new File("target/accounts-it-root-" + UUID.randomUUID()).getAbsoluteFile().toPath();
            Files.createDirectories(root.resolve("etc"));
            Files.createDirectories(root.resolve("home"));
            write(root, "etc/passwd", "root:x:0:0:root:/root:/bin/bash\n", "rw-r--r--");
            write(root, "etc/group", "root:x:0:\n", "rw-r--r--");
            write(root, "etc/shadow", "root:*:19000:0:99999:7:::\n", "rw-r-----");
            write(root, "etc/gshadow", "root:*::\n", "rw-r-----");
            write(root, "etc/login.defs", "UID_MIN 1000\nUID_MAX 60000\nGID_MIN 1000\nGID_MAX 60000\n", "rw-r--r--");
            return root.toString();
        } catch (IOException e) {
            throw new IllegalStateException("cannot make the scratch root", e);
        }
    }

    private static void write(Path root, String file, String text, String mode) throws IOException {
        Path p = root.resolve(file);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(mode));
    }

    @Test
    public void createAgainTrustAndDeleteAnAccountInTheScratchRoot() throws Exception {
        Path root = Path.of(System.getProperty(ROOT_PROPERTY));
        assertTrue(root.toString(), root.getParent() != null && root.toString().contains("accounts-it-root-"));
        String create = "{\"targets\":{\"hosts\":[\"" + LOCAL_HOST + "\"]},\"user\":\"" + USER + "\",\"sshPublicKey\":\"" + KEY
                + "\",\"sudo\":true,\"kind\":\"personal\"}";

        JsonNode first = succeeded(submit("POST", "/host-accounts", create));
        assertTrue(first.toString(), first.path("stdout").asText().contains("\"user created\",\"key added\",\"sudo granted\""));
        assertTrue(Files.readString(root.resolve("etc/passwd")).contains(USER + ":x:1000:1000:orrery personal:/home/" + USER + ":"));
        Path keys = root.resolve("home/" + USER + "/.ssh/authorized_keys");
        assertTrue(Files.readString(keys).startsWith(KEY));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keys)));
        assertEquals(USER + " ALL=(ALL) NOPASSWD:ALL\n", Files.readString(root.resolve("etc/sudoers.d/orrery-" + USER)));

        JsonNode again = succeeded(submit("POST", "/host-accounts", create));
        assertTrue(again.toString(), again.path("stdout").asText().contains("\"changed\":[]"));

        SignedClient.Answer trust = api.call("POST", "/host-accounts/trust",
                "{\"from\":\"" + LOCAL_HOST + "\",\"to\":{\"hosts\":[\"" + LOCAL_HOST + "\"]},\"user\":\"" + USER + "\"}");
        assertEquals(trust.body(), 202, trust.status());
        String publicKey = Files.readString(root.resolve("home/" + USER + "/.ssh/id_ed25519.pub")).strip();
        assertEquals(publicKey, trust.json().path("publicKey").asText());
        succeeded(trust.json().path("taskId").asText());
        assertTrue(Files.readString(keys).contains(publicKey));

        succeeded(submit("DELETE", "/host-accounts/" + USER + "?hosts=" + LOCAL_HOST, null));
        assertFalse(Files.readString(root.resolve("etc/passwd")).contains(USER + ":"));
        assertFalse(Files.exists(root.resolve("home/" + USER)));
        assertFalse(Files.exists(root.resolve("etc/sudoers.d/orrery-" + USER)));
    }

    private String submit(String method, String path, String body) throws Exception {
        SignedClient.Answer a = api.call(method, path, body);
        assertEquals(a.body(), 202, a.status());
        return a.json().path("taskId").asText();
    }

    private JsonNode succeeded(String taskId) {
        AtomicReference<JsonNode> result = new AtomicReference<>();
        await("result of task " + taskId).atMost(Duration.ofSeconds(60)).until(() -> {
            SignedClient.Answer results = api.call("GET", "/tasks/" + taskId + "/results", null);
            JsonNode r = results.status() == 200 ? results.json().path("results").path(0) : null;
            result.set(r);
            return r != null && !r.isMissingNode() && r.path("state").asText().matches("SUCCEEDED|FAILED|TIMED_OUT|CANCELLED");
        });
        assertEquals(result.get().toString(), "SUCCEEDED", result.get().path("state").asText());
        return result.get();
    }
}
