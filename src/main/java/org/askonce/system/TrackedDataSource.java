package org.askonce.system;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The connection pool, knowing which connections are borrowed right now, so that when the database
 * goes away the threads waiting on them can be freed at once ({@link #abortBorrowed()}) instead of
 * waiting for the driver's socket timeout.
 */
final class TrackedDataSource extends DelegatingDataSource {

    private final Set<Connection> borrowed = ConcurrentHashMap.newKeySet();

    TrackedDataSource(DataSource pool) {
        super(pool);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return tracked(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return tracked(super.getConnection(username, password));
    }

    /**
     * Aborts every borrowed connection: its socket is closed, so a statement waiting on it fails now
     * (and the pool drops the connection when it is given back). Returns how many there were.
     */
    int abortBorrowed() {
        int n = 0;
        for (Connection c : borrowed) {
            try {
                c.abort(Runnable::run);
                n++;
            } catch (SQLException | RuntimeException e) {
                // already closed
            }
            borrowed.remove(c);
        }
        return n;
    }

    int borrowedCount() {
        return borrowed.size();
    }

    private Connection tracked(Connection c) {
        borrowed.add(c);
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "toString" -> "Tracked " + c;
                    default -> {
                        if (method.getName().equals("close")) {
                            borrowed.remove(c);
                        }
                        try {
                            yield method.invoke(c, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    }
                });
    }
}
