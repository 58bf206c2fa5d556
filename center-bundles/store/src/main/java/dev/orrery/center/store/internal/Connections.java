package dev.orrery.center.store.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every connection the store holds: opened with auto-commit off, replaced when Derby has closed
 * one after a severe error (so a pool never shrinks), and all closed at the end. Thread-safe.
 */
final class Connections {
    private static final Logger LOG = LoggerFactory.getLogger(Connections.class);

    private final DerbyEngine engine;
    private final List<Connection> all = new ArrayList<>();

    Connections(DerbyEngine engine) {
        this.engine = engine;
    }

    /** @return a new connection with auto-commit off */
    Connection open() throws SQLException {
        Connection c = engine.connect();
        c.setAutoCommit(false);
        synchronized (all) {
            all.add(c);
        }
        return c;
    }

    /** @return {@code c} if it is open, else a new connection in its place (or {@code c} if none can be opened) */
    Connection healthy(Connection c) {
        if (!isClosed(c)) {
            return c;
        }
        try {
            Connection fresh = open();
            synchronized (all) {
                all.remove(c);
            }
            return fresh;
        } catch (SQLException e) {
            LOG.warn("Cannot replace a closed store connection: {}", e.getMessage());
            return c;
        }
    }

    /** Rolls back and closes every connection. */
    void closeAll() {
        List<Connection> open;
        synchronized (all) {
            open = List.copyOf(all);
            all.clear();
        }
        for (Connection c : open) {
            rollback(c);
            try {
                c.close();
            } catch (SQLException e) {
                LOG.debug("Closing a connection failed", e);
            }
        }
    }

    static boolean isClosed(Connection c) {
        try {
            return c.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    static void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            LOG.debug("Rollback failed", e);
        }
    }
}
