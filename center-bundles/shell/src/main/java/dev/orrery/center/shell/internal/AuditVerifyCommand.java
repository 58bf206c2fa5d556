package dev.orrery.center.shell.internal;

import dev.orrery.center.store.AuditLog;
import dev.orrery.center.store.AuditVerification;
import java.io.PrintStream;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

/** {@code orrery:audit-verify}: walks the whole audit chain. Fails (an error, non-zero over SSH) when it was tampered with. */
@Service
@Command(scope = "orrery", name = "audit-verify", description = "Checks every audit record's hash, the sequence and the head: "
        + "prints OK and the count, or the first bad record and why (and fails).")
public final class AuditVerifyCommand implements Action {

    @Reference
    AuditLog audit;

    @Override
    public Object execute() throws Exception {
        run(System.out);
        return null;
    }

    void run(PrintStream out) throws CommandException {
        AuditVerification v = audit.verify();
        if (!v.ok()) {
            throw new CommandException("Audit chain FAILED at record " + v.firstBad() + ": " + v.failure() + ": " + v.message()
                    + " (" + v.checked() + " records before it are intact)");
        }
        out.println("OK: " + v.checked() + (v.checked() == 1 ? " audit record" : " audit records") + " intact");
    }
}
