package org.askonce.system;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.util.DriverDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether the database answers, known at once: other modules ask {@link #available()} before work
 * that needs the database, so that while it is down a web question gets 503 at once and a WeChat
 * message is journaled instead of waiting for timeouts. A probe asks the database {@code SELECT 1}
 * every {@code askonce.database.probe-interval} on a connection of its own (a busy pool is not an
 * outage); two probes in a row without an answer within {@code probe-timeout} are an outage (the
 * second follows the first at once). When the database goes away, the
 * connections borrowed from the pool are aborted (their threads fail now instead of after the
 * driver's socket timeout) and the idle ones evicted; when it answers again the pool is renewed,
 * so no connection that lived through the outage (perhaps forgotten by a firewall or NAT, dead
 * without a reset) is used again. The outage is logged when it starts and when it ends.
 * {@code /actuator/health} asks it afresh ({@link #check()}): DOWN as soon as one probe gets no
 * answer within the probe timeout.
 * An embedded H2 database cannot go away: it is not watched.
 */
@Component
public class DatabaseWatch implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DatabaseWatch.class);

    /** What a citizen reads when a request could not be served because the database is down. */
    public static final String UNAVAILABLE = "系统繁忙，正在恢复，请稍后重试。";

    /**
     * Probes in a row without an answer that make an outage: one slow answer (a long pause of a busy
     * machine) must not abort the requests under way. The second probe follows the first at once.
     */
    private static final int FAILURES_TO_TRIP = 2;

    private final DataSource dataSource;
    private final DatabaseSettings settings;
    private final boolean watched;
    private final HikariDataSource pool;
    private final DataSource probeSource;
    private ScheduledExecutorService scheduler;
    private final ScheduledExecutorService prober = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "database-probe"));
    private CompletableFuture<Void> inFlight;
    private Connection probeConnection;
    private volatile boolean available = true;
    private int failures;
    private long downSince;
    private volatile boolean running;

    DatabaseWatch(DataSource dataSource, DatabaseSettings settings) {
        this.dataSource = dataSource;
        this.settings = settings;
        this.pool = unwrap(dataSource);
        this.watched = pool != null && pool.getJdbcUrl() != null && !pool.getJdbcUrl().startsWith("jdbc:h2:");
        this.probeSource = watched ? probeSource(pool, settings.probeTimeout()) : dataSource;
    }

    /** False while the database is known not to answer; work that needs it should not be started. */
    public boolean available() {
        return available;
    }

    /**
     * Whether {@code e} (or its cause) says the database could not be reached or stopped answering:
     * no connection, a broken connection, a timeout. Not a constraint violation or a bad query.
     */
    public static boolean isOutage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof TransientDataAccessException
                    || t instanceof RecoverableDataAccessException || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true; // connection exception; the server shutting down or restarting
            }
        }
        return false;
    }

    /** Asks the database now; an answer that does not come within the probe timeout is an outage. */
    ProbeResult check() {
        ProbeResult result = await(probe());
        if (watched) {
            record(result);
        }
        return result;
    }

    /** The outcome of one probe: {@code error} is null when the database answered. */
    record ProbeResult(String error, long millis) {

        boolean answered() {
            return error == null;
        }
    }

    private ProbeResult await(CompletableFuture<Void> probe) {
        long start = System.nanoTime();
        try {
            probe.get(settings.probeTimeout().toNanos(), TimeUnit.NANOSECONDS);
            return new ProbeResult(null, (System.nanoTime() - start) / 1_000_000);
        } catch (TimeoutException e) {
            return new ProbeResult("no answer within " + settings.probeTimeout().toMillis() + " ms", settings.probeTimeout().toMillis());
        } catch (ExecutionException e) {
            return new ProbeResult(describe(e.getCause()), (System.nanoTime() - start) / 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ProbeResult("interrupted", 0);
        }
    }

    /** The probe under way, or a new one: a database that does not answer is never asked twice at once. */
    private synchronized CompletableFuture<Void> probe() {
        if (inFlight == null || inFlight.isDone()) {
            inFlight = CompletableFuture.runAsync(this::probeOnce, prober);
        }
        return inFlight;
    }

    private void probeOnce() {
        try {
            if (probeConnection == null) {
                probeConnection = probeSource.getConnection();
            }
            if (watched) {
                probeConnection.setNetworkTimeout(Runnable::run, (int) settings.probeTimeout().toMillis());
            }
            try (Statement s = probeConnection.createStatement()) {
                s.execute("SELECT 1");
            }
            if (!watched) {
                closeProbeConnection(); // the pool's: give it back
            }
        } catch (SQLException | RuntimeException e) {
            closeProbeConnection();
            throw new IllegalStateException(describe(e), e);
        }
    }

    private void closeProbeConnection() {
        Connection c = probeConnection;
        probeConnection = null;
        if (c == null) {
            return;
        }
        try {
            if (watched) {
                c.abort(Runnable::run); // closes the socket without waiting for an answer
            } else {
                c.close();
            }
        } catch (SQLException | RuntimeException ignored) {
            // gone anyway
        }
    }

    private synchronized void record(ProbeResult result) {
        if (result.answered()) {
            failures = 0;
            if (!available) {
                available = true;
                evictIdle();
                log.info("Database answers again after {} s: the pool starts afresh, journaled WeChat messages are answered",
                        Duration.ofNanos(System.nanoTime() - downSince).toSeconds());
            }
            return;
        }
        failures++;
        if (available && failures >= FAILURES_TO_TRIP) {
            available = false;
            downSince = System.nanoTime();
            // the threads waiting on borrowed connections fail now; nothing new is started on the database meanwhile
            int aborted = dataSource instanceof TrackedDataSource tracked ? tracked.abortBorrowed() : 0;
            evictIdle();
            log.warn("Database does not answer ({}): {} borrowed connection(s) aborted; web chat answers 503 and WeChat "
                    + "messages are journaled until it does", result.error(), aborted);
        }
    }

    private void evictIdle() {
        try {
            if (pool != null && pool.getHikariPoolMXBean() != null) {
                pool.getHikariPoolMXBean().softEvictConnections();
            }
        } catch (RuntimeException e) {
            log.debug("could not evict the pool's connections: {}", e.toString());
        }
    }

    @Override
    public void start() {
        running = true;
        if (!watched) {
            log.info("Database: embedded, not watched");
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "database-watch"));
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                ProbeResult result = await(probe());
                record(result);
                if (!result.answered() && available) {
                    record(await(probe())); // confirm at once
                }
            } catch (RuntimeException e) {
                log.error("database watch failed", e);
            }
        }, settings.probeInterval().toMillis(), settings.probeInterval().toMillis(), TimeUnit.MILLISECONDS);
        log.info("Database: watched every {} ms (no answer within {} ms is an outage)", settings.probeInterval().toMillis(),
                settings.probeTimeout().toMillis());
    }

    @Override
    public void stop() {
        running = false;
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        prober.execute(this::closeProbeConnection);
        prober.shutdown();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** A source of the probe's own connection: the pool's URL and account, and timeouts no longer than the probe's. */
    private static DataSource probeSource(HikariDataSource pool, Duration timeout) {
        Properties props = new Properties();
        props.putAll(pool.getDataSourceProperties());
        if (pool.getJdbcUrl().startsWith("jdbc:postgresql:")) {
            String seconds = Long.toString(Math.max(1, (timeout.toMillis() + 999) / 1000));
            props.setProperty("connectTimeout", seconds);
            props.setProperty("loginTimeout", seconds);
            props.setProperty("socketTimeout", seconds);
            props.setProperty("ApplicationName", "askonce-probe");
        }
        return new DriverDataSource(pool.getJdbcUrl(), pool.getDriverClassName(), props, pool.getUsername(), pool.getPassword());
    }

    private static HikariDataSource unwrap(DataSource dataSource) {
        try {
            return dataSource.isWrapperFor(HikariDataSource.class) ? dataSource.unwrap(HikariDataSource.class) : null;
        } catch (SQLException e) {
            return null;
        }
    }

    /** The innermost cause, as "SocketTimeoutException: Read timed out". */
    private static String describe(Throwable e) {
        Throwable root = org.springframework.core.NestedExceptionUtils.getRootCause(e);
        root = root == null ? e : root;
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
