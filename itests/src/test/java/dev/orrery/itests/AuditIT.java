package dev.orrery.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orrery.bench.rest.SignedClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Properties;
import java.util.UUID;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * The audit log in the booted all-in-one: a signed API call and a refused unsigned one appear in
 * {@code GET /audit}; a console command is recorded under its user; {@code orrery:audit-verify}
 * passes, then fails once a record is changed behind the store's back (through JDBC on the
 * store's own embedded Derby), and passes again when the change is undone.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class AuditIT extends AllInOneTestSupport {
    private static final String STORE_BUNDLE = "dev.orrery.center.store";

    @Inject
    private BundleContext context;

    @Test
    public void signedAndRefusedApiCallsAreAudited() throws Exception {
        String marker = "audit-it-" + UUID.randomUUID().toString().substring(0, 8);
        SignedClient.Answer ok = api.call("GET", "/hosts?q=" + marker, null);
        assertEquals(ok.body(), 200, ok.status());
        SignedClient.Answer refused = api.unsigned("GET", "/hosts?q=" + marker, null);
        assertEquals(refused.body(), 401, refused.status());

        JsonNode records = records("/audit?limit=200");
        JsonNode signed = find(records, "GET /api/v1/hosts?q=" + marker, "200");
        assertEquals("api", signed.path("kind").asText());
        assertEquals(adminKeyId(), signed.path("account").asText());
        assertEquals("127.0.0.1", signed.path("source").asText());
        JsonNode unsigned = find(records, "GET /api/v1/hosts?q=" + marker, "401 UNAUTHENTICATED");
        assertEquals("-", unsigned.path("account").asText());
        assertTrue(unsigned.path("seq").asLong() > signed.path("seq").asLong());

        JsonNode mine = records("/audit?limit=5&account=" + adminKeyId());
        for (JsonNode r : mine) {
            assertEquals(adminKeyId(), r.path("account").asText());
        }
        SignedClient.Answer bad = api.call("GET", "/audit?limit=0", null);
        assertEquals(bad.body(), 400, bad.status());
    }

    @Test
    public void consoleCommandsAreAuditedAndTheChainVerifiesAndCatchesTampering() throws Exception {
        execute("orrery:hosts --limit 3");
        JsonNode shell = find(records("/audit?limit=50&account=it"), "orrery:hosts", "ok");
        assertEquals("shell", shell.path("kind").asText());
        assertEquals("orrery:hosts --limit 3", shell.path("detail").asText());

        String verified = execute("orrery:audit-verify");
        assertTrue(verified, verified.startsWith("OK: "));
        String table = execute("orrery:audit --limit 5 --account it");
        assertTrue(table, table.contains("orrery:hosts"));

        long seq = shell.path("seq").asLong();
        String original = tamper(seq, "orrery:hosts --limit 3", "bundle:list");
        try {
            String failed = executeExpectingFailure("orrery:audit-verify");
            assertTrue(failed, failed.contains("record " + seq + ": CHANGED"));
        } finally {
            tamper(seq, "bundle:list", original);
        }
        String again = execute("orrery:audit-verify");
        assertTrue(again, again.startsWith("OK: "));
    }

    /** Changes one record's detail through the store's own Derby engine, as an intruder with file access could. */
    private String tamper(long seq, String expected, String replacement) throws Exception {
        Bundle store = null;
        for (Bundle b : context.getBundles()) {
            if (STORE_BUNDLE.equals(b.getSymbolicName())) {
                store = b;
            }
        }
        assertNotNull("the store bundle", store);
        Driver driver = (Driver) store.loadClass("org.apache.derby.jdbc.EmbeddedDriver").getDeclaredConstructor().newInstance();
        Path db = Path.of(System.getProperty("karaf.data"), "orrery", "db");
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(driver.getClass().getClassLoader());
        try (Connection c = driver.connect("jdbc:derby:" + db, new Properties())) {
            String before;
            try (PreparedStatement ps = c.prepareStatement("SELECT detail FROM audit_log WHERE seq = ?")) {
                ps.setLong(1, seq);
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue("record " + seq + " exists", rs.next());
                    before = rs.getString(1);
                }
            }
            assertEquals(expected, before);
            try (PreparedStatement ps = c.prepareStatement("UPDATE audit_log SET detail = ? WHERE seq = ?")) {
                ps.setString(1, replacement);
                ps.setLong(2, seq);
                assertEquals(1, ps.executeUpdate());
            }
            return before;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private JsonNode records(String path) throws Exception {
        SignedClient.Answer r = api.call("GET", path, null);
        assertEquals(r.body(), 200, r.status());
        return r.json().path("records");
    }

    /** @return the newest record whose action (API call, or first word of a shell line) and outcome match */
    private JsonNode find(JsonNode records, String action, String outcome) {
        for (JsonNode r : records) {
            if (action.equals(r.path("action").asText()) && outcome.equals(r.path("outcome").asText())) {
                return r;
            }
        }
        fail("no audit record " + action + " -> " + outcome + " in " + records);
        return null;
    }

    private String adminKeyId() throws Exception {
        Path keyFile = Path.of(System.getProperty("karaf.data"), Settings.ADMIN_KEY);
        return SignedClient.JSON.readTree(Files.readString(keyFile, StandardCharsets.UTF_8)).path("keyId").asText();
    }

}
