package dev.orrery.center.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.orrery.api.ErrorCode;
import dev.orrery.api.OrreryException;
import dev.orrery.center.store.AuditEntry;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.felix.service.command.CommandSession;
import org.junit.jupiter.api.Test;

class ShellAuditListenerTest {
    private final FakeAuditLog audit = new FakeAuditLog();
    private final ShellAuditListener listener = new ShellAuditListener(audit);

    /** A Gogo session that only answers {@code get} from the given variables. */
    private static CommandSession session(Map<String, Object> variables) {
        return (CommandSession) Proxy.newProxyInstance(CommandSession.class.getClassLoader(), new Class<?>[] {CommandSession.class},
                (proxy, method, args) -> method.getName().equals("get") ? variables.get((String) args[0]) : null);
    }

    @Test
    void recordsEachCommandLineWithUserAndOutcome() {
        CommandSession s = session(Map.of("USER", "karaf"));
        listener.afterExecute(s, "orrery:run --group demo 'uname -a'", (Object) null);
        listener.afterExecute(s, "bundle:stop 42", new IllegalStateException("no bundle 42"));
        assertEquals(2, audit.entries.size());
        AuditEntry ok = audit.entries.get(0);
        assertEquals(AuditEntry.SHELL, ok.kind());
        assertEquals("karaf (unverified)", ok.account(), "no JAAS subject here: the session's USER is only a claim");
        assertEquals("orrery:run", ok.action());
        assertEquals("orrery:run --group demo 'uname -a'", ok.detail());
        assertEquals("ok", ok.outcome());
        assertEquals("failed: no bundle 42", audit.entries.get(1).outcome());
    }

    @Test
    void theSubjectKarafPutInTheSessionNamesTheUser() {
        javax.security.auth.Subject subject = new javax.security.auth.Subject();
        subject.getPrincipals().add(new UserPrincipal("admin"));
        Map<String, Object> vars = new HashMap<>();
        vars.put(javax.security.auth.Subject.class.getName(), subject);
        vars.put("USER", "someone-else");
        assertEquals("admin", ShellAuditListener.user(session(vars)));
        assertEquals("-", ShellAuditListener.user(session(Map.of())));
    }

    @Test
    void initScriptsAndAuditReadsAreNotRecorded() {
        listener.afterExecute(session(Map.of("script", Path.of("etc/shell.init.script"))), "alias x = y", (Object) null);
        CommandSession s = session(Map.of());
        listener.afterExecute(s, "orrery:audit --limit 5 --since 2026-11-27T20:00:00Z", (Object) null);
        listener.afterExecute(s, "orrery:audit-verify", (Object) null);
        listener.afterExecute(s, "audit -a k1", (Object) null);
        listener.afterExecute(s, "   ", (Object) null);
        assertTrue(audit.entries.isEmpty(), audit.entries.toString());
        listener.afterExecute(s, "orrery:audit; bundle:uninstall 12", (Object) null);
        assertEquals(1, audit.entries.size());
    }

    @Test
    void anUnavailableLogDoesNotBreakTheShell() {
        audit.failure = new OrreryException(ErrorCode.STORE_UNAVAILABLE, "closed");
        listener.afterExecute(session(Map.of()), "orrery:hosts", (Object) null);
        assertTrue(audit.entries.isEmpty());
    }

    /** Named like Karaf's JAAS user principal, which the listener recognises by its simple name. */
    private record UserPrincipal(String getName) implements java.security.Principal {
    }
}
