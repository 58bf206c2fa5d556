package dev.orrery.center.store.internal;

import dev.orrery.api.ErrorCode;
import dev.orrery.api.OrreryException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded database and a small fixed pool of connections, plus {@value #WRITER_CONNECTIONS}
 * connections kept for the group-commit writers ({@link #writerTx}), so that the threads that
 * store every result and create every task never queue behind request threads. Each unit of
 * work runs in its own transaction on a connection that no other thread uses meanwhile; deadlock victims and
 * lock timeouts are retried. Failures reach callers as {@link OrreryException} with
 * {@link ErrorCode#STORE_UNAVAILABLE}, never as SQL text. Thread-safe.
 */
@Component(service = Database.class, immediate = true, configurationPid = StoreConfig.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = StoreConfig.class)
public final class Database {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final int ATTEMPTS = 3;
    private static final int MAX_POOL = 64;
    /** Connections kept for {@link #writerTx}, beside the pool. */
    static final int WRITER_CONNECTIONS = 2;

    /** A unit of work inside one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        /**
         * @param c the connection, auto-commit off; do not commit or close it
         * @return the result
         * @throws SQLException on failure: the transaction is rolled back
         */
        T run(Connection c) throws SQLException;
    }

    private final DerbyEngine engine;
    private final BlockingQueue<Connection> pool;
    private final BlockingQueue<Connection> writers = new ArrayBlockingQueue<>(WRITER_CONNECTIONS);
    private final Connections connections;
    private final int waitSeconds;
    private volatile boolean closed;

    /** @param config the component configuration */
    @Activate
    public Database(StoreConfig config) {
        this(DerbyEngine.resolveDir(config.dataDir()), config.poolSize(), config.connectionWaitSeconds(),
                DerbyEngine.tuning(config.pageCacheSize(), config.logBufferSize()));
    }

    /** As the full constructor, with the default page cache (4000 pages) and log buffer (1 MiB). */
    public Database(Path dir, int poolSize, int waitSeconds) {
        this(dir, poolSize, waitSeconds, DerbyEngine.tuning(4000, 1 << 20));
    }

    /**
     * Opens (creating if needed) and migrates the database.
     *
     * @param dir the database folder
     * @param poolSize connections to keep, 1 to 64
     * @param waitSeconds how long to wait for a free connection
     * @param derbyProperties Derby system properties to set before it boots (where the operator set none)
     */
    Database(Path dir, int poolSize, int waitSeconds, Map<String, String> derbyProperties) {
        if (poolSize < 1 || poolSize > MAX_POOL) {
            throw new IllegalArgumentException("poolSize must be 1-64, was " + poolSize);
        }
        if (waitSeconds < 1) {
            throw new IllegalArgumentException("connectionWaitSeconds must be positive, was " + waitSeconds);
        }
        this.waitSeconds = waitSeconds;
        this.pool = new ArrayBlockingQueue<>(poolSize);
        try {
            Files.createDirectories(dir.toAbsolutePath().getParent());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot create the parent folder of " + dir + ": " + e.getMessage(), e);
        }
        this.engine = new DerbyEngine(dir, derbyProperties);
        this.connections = new Connections(engine);
        try {
            for (int i = 0; i < poolSize + WRITER_CONNECTIONS; i++) {
                (i < poolSize ? pool : writers).add(connections.open());
            }
            Migrator.migrate(this);
        } catch (SQLException | RuntimeException e) {
            close();
            throw new IllegalStateException("cannot open the store at " + engine.dir() + ": " + e.getMessage(), e);
        }
        LOG.info("Store open at {} with {} connections", engine.dir(), poolSize);
    }

    /**
     * Runs work in one transaction, committing on success.
     *
     * @param work the work
     * @param <T> its result type
     * @return the work's result
     * @throws OrreryException {@code STORE_UNAVAILABLE} if the database fails
     */
    public <T> T tx(Work<T> work) {
        return tx(pool, work);
    }

    /**
     * As {@link #tx}, on one of the connections kept for the group-commit writers: for a
     * thread that writes batches for many callers (each writer thread at most one transaction
     * at a time), never for request threads.
     *
     * @param work the work
     * @param <T> its result type
     * @return the work's result
     * @throws OrreryException {@code STORE_UNAVAILABLE} if the database fails
     */
    public <T> T writerTx(Work<T> work) {
        return tx(writers, work);
    }

    private <T> T tx(BlockingQueue<Connection> from, Work<T> work) {
        int deadConnections = 0;
        for (int attempt = 1; ; attempt++) {
            Connection c = take(from);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException e) {
                Connections.rollback(c);
                if (attempt < ATTEMPTS && isTransient(e)) {
                    LOG.debug("Retrying after {}", e.getSQLState());
                    continue;
                }
                if (Connections.isClosed(c) && !closed && ++deadConnections <= MAX_POOL + WRITER_CONNECTIONS) {
                    // Derby closed it after a severe error: retry on its replacement (Connections.healthy)
                    attempt--;
                    continue;
                }
                LOG.error("Store failure ({}): {}", e.getSQLState(), e.getMessage(), e);
                throw new OrreryException(ErrorCode.STORE_UNAVAILABLE, "the store is unavailable", List.of(), e);
            } catch (RuntimeException e) {
                Connections.rollback(c);
                throw e;
            } finally {
                from.offer(closed ? c : connections.healthy(c));
            }
        }
    }

    /** Shuts Derby down cleanly; later calls fail with {@code STORE_UNAVAILABLE}. */
    @Deactivate
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        connections.closeAll();
        engine.shutdown();
        LOG.info("Store at {} closed", engine.dir());
    }

    private Connection take(BlockingQueue<Connection> from) {
        if (closed) {
            throw new OrreryException(ErrorCode.STORE_UNAVAILABLE, "the store is closed");
        }
        try {
            Connection c = from.poll(waitSeconds, TimeUnit.SECONDS);
            if (c == null) {
                throw new OrreryException(ErrorCode.STORE_UNAVAILABLE, "the store is busy: no connection within " + waitSeconds + " s");
            }
            return c;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OrreryException(ErrorCode.STORE_UNAVAILABLE, "interrupted while waiting for the store");
        }
    }

    /** @return the engine, for tests that need it to fail */
    DerbyEngine engine() {
        return engine;
    }

    private static boolean isTransient(SQLException e) {
        String state = String.valueOf(e.getSQLState());
        return state.equals("40001") || state.equals("40XL1") || state.equals("40XL2");
    }
}
