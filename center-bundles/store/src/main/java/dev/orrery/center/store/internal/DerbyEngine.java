package dev.orrery.center.store.internal;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.derby.jdbc.EmbeddedDriver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens and shuts down one embedded Derby database. Calls the driver directly rather than
 * going through {@code DriverManager}, which checks the caller's class loader and fails
 * inside OSGi (stack.md, trap 4). The driver class lives in derbytools; its constructor boots
 * the engine, so a new engine instance can start again after {@link #shutdown()}.
 */
final class DerbyEngine {
    private static final Logger LOG = LoggerFactory.getLogger(DerbyEngine.class);
    private static final String DB_SHUTDOWN_OK = "08006";
    private static final String ENGINE_SHUTDOWN_OK = "XJ015";
    private static final String LOG_PROPERTY = "derby.stream.error.file";
    private static String logWeSet;
    private static final Map<String, String> WE_SET = new HashMap<>();

    private final Path dir;
    /** Replaced when the engine shut itself down after a severe error (see {@link #connect}). */
    private volatile EmbeddedDriver driver;
    private long lastReboot;

    DerbyEngine(Path dir, Map<String, String> properties) {
        this.dir = dir.toAbsolutePath().normalize();
        placeLog(this.dir);
        properties.forEach(DerbyEngine::setUnlessOperatorDid);
        this.driver = withOwnLoader(EmbeddedDriver::new);
    }

    /**
     * Derby writes derby.log into the working directory unless told otherwise: put it beside the
     * database, unless the operator chose a place (a value this class did not set).
     */
    private static synchronized void placeLog(Path dir) {
        String current = System.getProperty(LOG_PROPERTY);
        if (current != null && !current.equals(logWeSet) || System.getProperty("derby.stream.error.field") != null
                || System.getProperty("derby.stream.error.method") != null) {
            return;
        }
        Path parent = dir.getParent() == null ? dir : dir.getParent();
        logWeSet = parent.resolve("derby.log").toString();
        System.setProperty(LOG_PROPERTY, logWeSet);
    }

    /**
     * Derby's tuning properties, which it reads from system properties when it boots.
     *
     * @param pageCacheSize pages in the page cache, at least 40
     * @param logBufferSize bytes of the log buffer, 8 KiB to 128 MiB
     * @return the properties
     */
    static Map<String, String> tuning(int pageCacheSize, int logBufferSize) {
        if (pageCacheSize < 40) {
            throw new IllegalArgumentException("pageCacheSize must be at least 40, was " + pageCacheSize);
        }
        if (logBufferSize < 8192 || logBufferSize > 134217728) {
            throw new IllegalArgumentException("logBufferSize must be 8192-134217728, was " + logBufferSize);
        }
        return Map.of("derby.storage.pageCacheSize", Integer.toString(pageCacheSize), "derby.storage.logBufferSize",
                Integer.toString(logBufferSize));
    }

    /** An operator's -D setting wins over the configuration; a value this class set earlier is replaced. */
    private static synchronized void setUnlessOperatorDid(String key, String value) {
        String current = System.getProperty(key);
        if (current == null || current.equals(WE_SET.get(key))) {
            System.setProperty(key, value);
            WE_SET.put(key, value);
        } else {
            LOG.info("Derby property {}={} set outside Orrery is kept (the configuration says {})", key, current, value);
        }
    }

    /**
     * @param configured the configured folder, may be empty
     * @return it, or {@code ${karaf.data}/orrery/db} ({@code ./data/orrery/db} outside Karaf)
     */
    static Path resolveDir(String configured) {
        if (configured != null && !configured.isBlank()) {
            return Paths.get(configured.trim());
        }
        String data = System.getProperty("karaf.data");
        return Paths.get(data == null || data.isBlank() ? "./data" : data, "orrery", "db");
    }

    /** @return the database folder */
    Path dir() {
        return dir;
    }

    /**
     * @return a new connection, creating the database on first use
     * @throws SQLException if Derby refuses (for example, another process holds the folder)
     */
    Connection connect() throws SQLException {
        try {
            return open();
        } catch (SQLException e) {
            // Derby shuts its whole engine down after a severe error (out of file descriptors, a
            // full disk): boot a new engine instance, which recovers the database from its log
            if (!reboot()) {
                throw e;
            }
            return open();
        }
    }

    private Connection open() throws SQLException {
        Properties props = new Properties();
        props.setProperty("create", "true");
        try {
            return withOwnLoader(() -> driver.connect("jdbc:derby:" + dir, props));
        } catch (RuntimeException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw e;
        }
    }

    /** @return whether a new engine instance was started (at most once a second) */
    private synchronized boolean reboot() {
        long now = System.currentTimeMillis();
        if (now - lastReboot < 1000) {
            return false;
        }
        lastReboot = now;
        LOG.warn("Derby engine unavailable; starting it again on {}", dir);
        driver = withOwnLoader(EmbeddedDriver::new);
        return true;
    }

    /** Shuts the database down (flushing it to disk), then this engine instance. Never throws. */
    void shutdown() {
        expectShutdown("jdbc:derby:" + dir + ";shutdown=true", DB_SHUTDOWN_OK);
        // The engine holds daemon threads and MBeans; without an engine shutdown they outlive a bundle stop.
        expectShutdown("jdbc:derby:;shutdown=true", ENGINE_SHUTDOWN_OK);
    }

    private void expectShutdown(String url, String okState) {
        try {
            try (Connection unexpected = withOwnLoader(() -> driver.connect(url, new Properties()))) {
                LOG.warn("Derby did not confirm shutdown for {}", url);
            }
        } catch (SQLException e) {
            LOG.debug("Closing an unexpected connection failed", e);
        } catch (RuntimeException e) {
            if (e.getCause() instanceof SQLException sql && okState.equals(sql.getSQLState())) {
                LOG.debug("Derby shut down: {}", url);
            } else {
                LOG.warn("Derby shutdown of {} failed: {}", url, e.getCause() == null ? e : e.getCause().getMessage());
            }
        }
    }

    /** Runs Derby code with this bundle's loader as context loader: Derby looks up its modules through it. */
    private static <T> T withOwnLoader(SqlSupplier<T> action) {
        Thread t = Thread.currentThread();
        ClassLoader previous = t.getContextClassLoader();
        t.setContextClassLoader(DerbyEngine.class.getClassLoader());
        try {
            return action.get();
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        } finally {
            t.setContextClassLoader(previous);
        }
    }

    @FunctionalInterface
    private interface SqlSupplier<T> {
        T get() throws SQLException;
    }
}
