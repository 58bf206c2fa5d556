package dev.orrery.center.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.center.store.AuditEntry;
import dev.orrery.center.store.AuditVerification;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.karaf.shell.support.CommandException;
import org.junit.jupiter.api.Test;

class AuditCommandsTest {
    private final FakeAuditLog audit = new FakeAuditLog();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private AuditCommand list(int limit, String account, String since) {
        AuditCommand c = new AuditCommand();
        c.audit = audit;
        c.limit = limit;
        c.account = account;
        c.since = since;
        return c;
    }

    @Test
    void listsRecordsNewestFirstInATable() throws Exception {
        audit.append(new AuditEntry(0, AuditEntry.API, "k1", "10.0.0.9", "POST /api/v1/cmd", "hosts=web-1", "uname\n -a", "", "202"));
        audit.append(new AuditEntry(1000, AuditEntry.SHELL, "karaf", "console", "orrery:hosts", "", "x".repeat(100), "", "ok"));
        list(10, null, null).run(out);
        String[] lines = printed().split("\n");
        assertTrue(lines[0].matches("\\s*seq\\s.*time.*kind.*account.*source.*action.*outcome.*detail\\s*"), lines[0]);
        assertTrue(lines[2].contains("1970-01-01T00:00:01Z") && lines[2].contains("karaf") && lines[2].contains("x".repeat(57) + "..."),
                lines[2]);
        assertTrue(lines[3].contains("k1") && lines[3].contains("202") && lines[3].contains("hosts=web-1 uname -a"), lines[3]);
        assertEquals("10|null|null", audit.lastQuery);
    }

    @Test
    void passesFiltersAndRefusesBadOptions() throws Exception {
        list(5, " k1 ", "2026-11-27T20:00:00Z").run(out);
        assertEquals("5|k1|" + Instant.parse("2026-11-27T20:00:00Z").toEpochMilli(), audit.lastQuery);
        list(5, "", "1234").run(out);
        assertEquals("5|null|1234", audit.lastQuery);
        assertTrue(printed().contains("no audit records"));
        assertThrows(CommandException.class, () -> list(0, null, null).run(out));
        assertThrows(CommandException.class, () -> list(1001, null, null).run(out));
        assertThrows(CommandException.class, () -> list(5, null, "yesterday").run(out));
    }

    @Test
    void verifyPrintsOkOrFailsNamingTheFirstBadRecord() throws Exception {
        AuditVerifyCommand verify = new AuditVerifyCommand();
        verify.audit = audit;
        audit.verification = AuditVerification.passed(42);
        verify.run(out);
        assertEquals("OK: 42 audit records intact\n", printed());
        audit.verification = AuditVerification.failed(6, 7, AuditVerification.Failure.DELETED, "record 7 missing");
        CommandException e = assertThrows(CommandException.class, () -> verify.run(out));
        assertTrue(e.getMessage().contains("record 7: DELETED: record 7 missing"), e.getMessage());
    }
}
