package dev.orrery.center.shell.internal;

import dev.orrery.center.store.AuditEntry;
import dev.orrery.center.store.AuditLog;
import java.nio.file.Path;
import java.security.Principal;
import java.util.regex.Pattern;
import javax.security.auth.Subject;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.CommandSessionListener;
import org.apache.karaf.shell.support.ShellUtil;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records every command line run in the Karaf console (local, SSH, or a session made through
 * the {@code SessionFactory}) in the audit log, after it ran: kind {@code shell}, the shell
 * user, the command line, {@code ok} or {@code failed}. Karaf's shell (org.apache.karaf.shell.core)
 * tracks {@link CommandSessionListener} services and adds them to its Gogo command processor,
 * which calls them around every {@code CommandSession.execute}. Two things are left out: the
 * console's init scripts (files of the installation, run at every login) and a line that only
 * reads the audit ({@code orrery:audit}, {@code orrery:audit-verify}), so that watching the log
 * does not fill it. Thread-safe.
 */
@Component(service = CommandSessionListener.class, immediate = true)
public final class ShellAuditListener implements CommandSessionListener {
    private static final Logger LOG = LoggerFactory.getLogger(ShellAuditListener.class);
    private static final Pattern AUDIT_READ = Pattern.compile("\\s*(orrery:)?audit(-verify)?(\\s+[-\\w:.=+ ]*)?\\s*");
    private static final int FAILURE_CHARS = 200;

    private final AuditLog audit;

    /** @param audit the audit log */
    @Activate
    public ShellAuditListener(@Reference(name = "audit") AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public void beforeExecute(CommandSession session, CharSequence command) {
        // recorded after it ran, with its outcome
    }

    @Override
    public void afterExecute(CommandSession session, CharSequence command, Exception exception) {
        String why = exception.getMessage() == null ? exception.getClass().getSimpleName() : exception.getMessage();
        record(session, command, "failed: " + (why.length() > FAILURE_CHARS ? why.substring(0, FAILURE_CHARS) + "..." : why));
    }

    @Override
    public void afterExecute(CommandSession session, CharSequence command, Object result) {
        record(session, command, "ok");
    }

    void record(CommandSession session, CharSequence command, String outcome) {
        String line = command == null ? "" : command.toString();
        if (skipped(session, line)) {
            return;
        }
        AuditEntry entry = new AuditEntry(System.currentTimeMillis(), AuditEntry.SHELL, user(session), "console", firstWord(line), "",
                line, "", outcome);
        try {
            audit.append(entry);
        } catch (RuntimeException e) {
            LOG.error("Shell command not audited ({}): {} ran '{}' -> {}", e.getMessage(), entry.account(), line, outcome);
        }
    }

    static boolean skipped(CommandSession session, String line) {
        return line.isBlank() || AUDIT_READ.matcher(line).matches() || (session != null && session.get("script") instanceof Path)
                || inInitScript();
    }

    /**
     * Karaf runs the init scripts of a console login ({@code ConsoleSessionImpl}, which also sets
     * the session variable {@code script}) and of an {@code ssh host command} ({@code ShellCommand},
     * which sets nothing) through a method named {@code doExecuteScript}.
     */
    private static boolean inInitScript() {
        return StackWalker.getInstance().walk(frames -> frames.limit(64).anyMatch(f -> "doExecuteScript".equals(f.getMethodName())
                && f.getClassName().startsWith("org.apache.karaf.shell.")));
    }

    /**
     * @return the authenticated user: the thread's JAAS subject (Karaf runs console commands as
     *     the logged-in user), else the subject Karaf put in the session; else the session's
     *     {@code USER} marked unverified (an SSH client can set it), else {@code "-"}
     */
    static String user(CommandSession session) {
        String name = ShellUtil.getCurrentUserName();
        if (name != null && !name.isBlank()) {
            return name;
        }
        if (session != null && session.get(Subject.class.getName()) instanceof Subject subject) {
            for (Principal p : subject.getPrincipals()) {
                if (p.getClass().getSimpleName().equals("UserPrincipal")) {
                    return p.getName();
                }
            }
        }
        if (session != null && session.get("USER") instanceof String user && !user.isBlank()) {
            return user + " (unverified)";
        }
        return "-";
    }

    static String firstWord(String line) {
        String trimmed = line.strip();
        int end = 0;
        while (end < trimmed.length() && !Character.isWhitespace(trimmed.charAt(end)) && trimmed.charAt(end) != ';'
                && trimmed.charAt(end) != '|') {
            end++;
        }
        return trimmed.substring(0, end);
    }
}
