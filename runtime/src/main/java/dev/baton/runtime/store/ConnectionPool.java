package dev.baton.runtime.store;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;

/**
 * A small bounded pool: opening a connection per claim would dominate the cost of a claim. Connections
 * that fail with a connection-class error (SQLState 08xxx) or are closed are dropped, not reused.
 */
final class ConnectionPool implements AutoCloseable {

    private final DataSource dataSource;
    private final BlockingQueue<Connection> idle;
    private final Semaphore permits;
    private volatile boolean closed;

    ConnectionPool(DataSource dataSource, int size) {
        this.dataSource = dataSource;
        this.idle = new ArrayBlockingQueue<>(size);
        this.permits = new Semaphore(size, true);
    }

    Connection borrow() throws SQLException {
        if (closed) {
            throw new SQLException("the store is closed");
        }
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for a connection", e);
        }
        try {
            Connection connection = idle.poll();
            if (connection == null || connection.isClosed()) {
                connection = dataSource.getConnection();
            }
            connection.setAutoCommit(true);
            return connection;
        } catch (SQLException | RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    void giveBack(Connection connection, boolean broken) {
        try {
            if (broken || closed || connection.isClosed() || !idle.offer(connection)) {
                closeQuietly(connection);
            }
        } catch (SQLException e) {
            closeQuietly(connection);
        } finally {
            permits.release();
        }
    }

    @Override
    public void close() {
        closed = true;
        Connection connection;
        while ((connection = idle.poll()) != null) {
            closeQuietly(connection);
        }
    }

    static boolean isConnectionError(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("08");
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the connection is being discarded; there is nothing left to release
        }
    }
}
