package dev.orrery.center.rest.internal;

import dev.orrery.center.store.AuditEntry;
import dev.orrery.center.store.AuditLog;
import dev.orrery.center.store.AuditRecord;
import dev.orrery.center.store.AuditVerification;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Keeps entries in memory; can be made to fail, or to hold every append until released. */
final class FakeAuditLog implements AuditLog {
    final List<AuditEntry> entries = new CopyOnWriteArrayList<>();
    volatile RuntimeException failure;
    volatile CountDownLatch gate;
    /** Set when an append has reached the gate. */
    final CountDownLatch waiting = new CountDownLatch(1);
    volatile String lastQuery;

    @Override
    public void append(AuditEntry entry) {
        if (failure != null) {
            throw failure;
        }
        CountDownLatch g = gate;
        if (g != null) {
            waiting.countDown();
            try {
                g.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        entries.add(entry);
    }

    @Override
    public List<AuditRecord> query(int limit, String account, Long since) {
        lastQuery = limit + "|" + account + "|" + since;
        List<AuditRecord> out = new ArrayList<>();
        for (int i = entries.size() - 1; i >= 0 && out.size() < limit; i--) {
            AuditEntry e = entries.get(i);
            if ((account == null || account.equals(e.account())) && (since == null || e.at() >= since)) {
                out.add(new AuditRecord(i + 1, e, "h" + (i + 1)));
            }
        }
        return out;
    }

    @Override
    public AuditVerification verify() {
        return AuditVerification.passed(entries.size());
    }

    /** @return the newest entry */
    AuditEntry last() {
        return entries.get(entries.size() - 1);
    }
}
