package dev.orrery.center.shell.internal;

import dev.orrery.center.store.AuditEntry;
import dev.orrery.center.store.AuditLog;
import dev.orrery.center.store.AuditRecord;
import dev.orrery.center.store.AuditVerification;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Entries in memory; the verification answer and append failures are set by the test. */
final class FakeAuditLog implements AuditLog {
    final List<AuditEntry> entries = new CopyOnWriteArrayList<>();
    volatile AuditVerification verification;
    volatile RuntimeException failure;
    String lastQuery;

    @Override
    public void append(AuditEntry entry) {
        if (failure != null) {
            throw failure;
        }
        entries.add(entry);
    }

    @Override
    public List<AuditRecord> query(int limit, String account, Long since) {
        lastQuery = limit + "|" + account + "|" + since;
        List<AuditRecord> out = new ArrayList<>();
        for (int i = entries.size() - 1; i >= 0 && out.size() < limit; i--) {
            out.add(new AuditRecord(i + 1, entries.get(i), "h"));
        }
        return out;
    }

    @Override
    public AuditVerification verify() {
        return verification != null ? verification : AuditVerification.passed(entries.size());
    }
}
