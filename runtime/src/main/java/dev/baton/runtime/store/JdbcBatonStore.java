package dev.baton.runtime.store;

import dev.baton.runtime.boundary.StrictJson;
import dev.baton.runtime.chain.Escalation;
import dev.baton.runtime.escalation.EscalationRecord;
import dev.baton.runtime.escalation.EscalationStatus;
import dev.baton.runtime.idempotency.Claim;
import dev.baton.runtime.idempotency.StepRecord;
import dev.baton.runtime.idempotency.StepStatus;
import dev.baton.runtime.idempotency.TransactionalEffect;
import dev.baton.runtime.retry.Attempt;
import org.h2.jdbcx.JdbcDataSource;
import tools.jackson.core.type.TypeReference;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The JDBC store behind both the embedded (H2) and the PostgreSQL {@link BatonStore}. */
final class JdbcBatonStore implements BatonStore {

    private static final TypeReference<List<Attempt>> ATTEMPTS = new TypeReference<>() {
    };

    private enum Dialect {
        H2("CHARACTER LARGE OBJECT"),
        POSTGRES("TEXT");

        final String text;

        Dialect(String text) {
            this.text = text;
        }
    }

    private static final String STEP_COLUMNS = "idempotency_key, payload_sha256, status, lease_owner, lease_expires_at, "
            + "effect_started, takeovers, result, error, failure_owner, created_at, updated_at, envelope";
    private static final String ESCALATION_COLUMNS = "escalation_id, idempotency_key, handoff, failure_owner, human_queue, "
            + "status, envelope, envelope_sha256, attempts, recovery_path, question, answer_schema, created_at, "
            + "deadline, on_timeout, decision, decided_by, decided_at";

    private final Dialect dialect;
    private final ConnectionPool pool;

    private JdbcBatonStore(Dialect dialect, DataSource dataSource, int poolSize) {
        this.dialect = dialect;
        this.pool = new ConnectionPool(dataSource, poolSize);
        createTables();
    }

    static JdbcBatonStore embedded(Path directory) {
        JdbcDataSource dataSource = new JdbcDataSource();
        // FILE_LOCK=FS: the OS releases the lock when a process dies, so a store killed with kill -9
        // opens again at once after a restart. WRITE_DELAY=0: H2 otherwise keeps commits in memory for up
        // to 500 ms, and a killed process would lose claims and escalations it had already reported.
        dataSource.setURL("jdbc:h2:file:" + directory.toAbsolutePath().resolve("baton")
                + ";FILE_LOCK=FS;LOCK_TIMEOUT=30000;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
        return new JdbcBatonStore(Dialect.H2, dataSource, 16);
    }

    static JdbcBatonStore postgres(DataSource dataSource) {
        return new JdbcBatonStore(Dialect.POSTGRES, dataSource, 16);
    }

    private void createTables() {
        String text = dialect.text;
        String step = "CREATE TABLE IF NOT EXISTS baton_step ("
                + "idempotency_key VARCHAR(255) PRIMARY KEY, payload_sha256 VARCHAR(64) NOT NULL, "
                + "status VARCHAR(16) NOT NULL, lease_owner VARCHAR(255), lease_expires_at BIGINT, "
                + "effect_started BOOLEAN NOT NULL, takeovers INT NOT NULL, result " + text + ", error " + text + ", "
                + "failure_owner VARCHAR(255), created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL, envelope " + text + ")";
        String escalation = "CREATE TABLE IF NOT EXISTS baton_escalation ("
                + "escalation_id VARCHAR(64) PRIMARY KEY, idempotency_key VARCHAR(255) NOT NULL UNIQUE, "
                + "handoff VARCHAR(512) NOT NULL, failure_owner VARCHAR(255) NOT NULL, human_queue VARCHAR(255) NOT NULL, "
                + "status VARCHAR(16) NOT NULL, envelope " + text + " NOT NULL, envelope_sha256 VARCHAR(64) NOT NULL, "
                + "attempts " + text + " NOT NULL, recovery_path " + text + " NOT NULL, question " + text + " NOT NULL, "
                + "answer_schema " + text + " NOT NULL, created_at BIGINT NOT NULL, deadline BIGINT NOT NULL, "
                + "on_timeout VARCHAR(16) NOT NULL, decision " + text + ", decided_by VARCHAR(255), decided_at BIGINT)";
        for (int round = 0; round < 3; round++) {
            try {
                execute(connection -> {
                    try (var statement = connection.createStatement()) {
                        statement.execute(step);
                        statement.execute(escalation);
                    }
                    return null;
                });
                return;
            } catch (StoreException e) {
                // two instances creating the tables at once on PostgreSQL: one loses; the tables exist then
                if (round == 2) {
                    throw e;
                }
            }
        }
    }

    // ---------------------------------------------------------------- idempotency

    @Override
    public Claim claim(String key, String payloadSha256, String leaseOwner, Instant now, Duration lease) {
        long nowMillis = now.toEpochMilli();
        long expires = now.plus(lease).toEpochMilli();
        return execute(connection -> {
            if (insertClaim(connection, key, payloadSha256, leaseOwner, expires, nowMillis)) {
                return new Claim.Acquired(new StepRecord(key, payloadSha256, StepStatus.IN_PROGRESS, leaseOwner,
                        Instant.ofEpochMilli(expires), false, 0, null, null, null, now, now, null), false);
            }
            // one arbitrated statement: the lease has expired and the payload is the same
            try (PreparedStatement takeover = connection.prepareStatement("UPDATE baton_step SET lease_owner = ?, "
                    + "lease_expires_at = ?, takeovers = takeovers + 1, updated_at = ? WHERE idempotency_key = ? "
                    + "AND payload_sha256 = ? AND status = 'IN_PROGRESS' AND lease_expires_at <= ?")) {
                takeover.setString(1, leaseOwner);
                takeover.setLong(2, expires);
                takeover.setLong(3, nowMillis);
                takeover.setString(4, key);
                takeover.setString(5, payloadSha256);
                takeover.setLong(6, nowMillis);
                if (takeover.executeUpdate() == 1) {
                    return new Claim.Acquired(readStep(connection, key).orElseThrow(), true);
                }
            }
            StepRecord record = readStep(connection, key).orElseThrow(
                    () -> new SQLException("step " + key + " vanished during its claim"));
            if (!record.payloadSha256().equals(payloadSha256)) {
                return new Claim.PayloadMismatch(record, payloadSha256);
            }
            return switch (record.status()) {
                case COMPLETED -> new Claim.Completed(record);
                case FAILED -> new Claim.Failed(record);
                case ESCALATED -> new Claim.Escalated(record);
                case IN_PROGRESS -> new Claim.InProgress(record);
            };
        });
    }

    private boolean insertClaim(Connection connection, String key, String hash, String owner, long expires, long now)
            throws SQLException {
        String insert = "INSERT INTO baton_step (" + STEP_COLUMNS + ") VALUES (?, ?, 'IN_PROGRESS', ?, ?, FALSE, 0, "
                + "NULL, NULL, NULL, ?, ?, NULL)";
        if (dialect == Dialect.POSTGRES) {
            insert += " ON CONFLICT (idempotency_key) DO NOTHING";
        }
        try (PreparedStatement statement = connection.prepareStatement(insert)) {
            statement.setString(1, key);
            statement.setString(2, hash);
            statement.setString(3, owner);
            statement.setLong(4, expires);
            statement.setLong(5, now);
            statement.setLong(6, now);
            return statement.executeUpdate() == 1;
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                return false; // the primary key arbitrated: someone else holds this key
            }
            throw e;
        }
    }

    @Override
    public boolean markEffectStarted(String key, String leaseOwner, String envelopeJson, Instant now) {
        return update("UPDATE baton_step SET effect_started = TRUE, envelope = ?, updated_at = ? WHERE idempotency_key = ? "
                + "AND status = 'IN_PROGRESS' AND lease_owner = ?", envelopeJson, now.toEpochMilli(), key, leaseOwner) == 1;
    }

    @Override
    public boolean complete(String key, String leaseOwner, String resultJson, Instant now) {
        return execute(connection -> completeStep(connection, key, leaseOwner, resultJson, now.toEpochMilli()));
    }

    private static boolean completeStep(Connection connection, String key, String leaseOwner, String resultJson,
                                        long now) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("UPDATE baton_step SET status = 'COMPLETED', "
                + "result = ?, lease_owner = NULL, lease_expires_at = NULL, updated_at = ? WHERE idempotency_key = ? "
                + "AND status = 'IN_PROGRESS' AND lease_owner = ?")) {
            statement.setString(1, resultJson);
            statement.setLong(2, now);
            statement.setString(3, key);
            statement.setString(4, leaseOwner);
            return statement.executeUpdate() == 1;
        }
    }

    @Override
    public Optional<String> completeInTransaction(String key, String leaseOwner, Instant now, TransactionalEffect effect)
            throws Exception {
        long nowMillis = now.toEpochMilli();
        Connection connection = pool.borrow();
        boolean broken = false;
        try {
            connection.setAutoCommit(false);
            try {
                // lock the row first: no takeover can slip in between the effect and the completion
                try (PreparedStatement lock = connection.prepareStatement("UPDATE baton_step SET effect_started = TRUE, "
                        + "updated_at = ? WHERE idempotency_key = ? AND status = 'IN_PROGRESS' AND lease_owner = ?")) {
                    lock.setLong(1, nowMillis);
                    lock.setString(2, key);
                    lock.setString(3, leaseOwner);
                    if (lock.executeUpdate() != 1) {
                        connection.rollback();
                        return Optional.empty();
                    }
                }
                String result = effect.apply(connection);
                if (!completeStep(connection, key, leaseOwner, result, nowMillis)) {
                    connection.rollback();
                    return Optional.empty();
                }
                connection.commit();
                return Optional.of(result);
            } catch (Exception e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            broken = ConnectionPool.isConnectionError(e);
            throw e;
        } finally {
            pool.giveBack(connection, broken);
        }
    }

    @Override
    public boolean fail(String key, String leaseOwner, String error, String failureOwner, Instant now) {
        return update("UPDATE baton_step SET status = 'FAILED', error = ?, failure_owner = ?, lease_owner = NULL, "
                        + "lease_expires_at = NULL, updated_at = ? WHERE idempotency_key = ? AND status = 'IN_PROGRESS' "
                        + "AND lease_owner = ?",
                error, failureOwner, now.toEpochMilli(), key, leaseOwner) == 1;
    }

    @Override
    public Optional<StepRecord> step(String key) {
        return execute(connection -> readStep(connection, key));
    }

    private static Optional<StepRecord> readStep(Connection connection, String key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT " + STEP_COLUMNS + " FROM baton_step WHERE idempotency_key = ?")) {
            statement.setString(1, key);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                long expires = row.getLong(5);
                boolean noLease = row.wasNull();
                return Optional.of(new StepRecord(row.getString(1), row.getString(2), StepStatus.valueOf(row.getString(3)),
                        row.getString(4), noLease ? null : Instant.ofEpochMilli(expires), row.getBoolean(6), row.getInt(7),
                        row.getString(8), row.getString(9), row.getString(10), Instant.ofEpochMilli(row.getLong(11)),
                        Instant.ofEpochMilli(row.getLong(12)), row.getString(13)));
            }
        }
    }

    // ---------------------------------------------------------------- escalation

    @Override
    public Optional<EscalationRecord> escalate(String leaseOwner, EscalationRecord record) {
        return inTransaction(connection -> {
            try (PreparedStatement stop = connection.prepareStatement("UPDATE baton_step SET status = 'ESCALATED', "
                    + "error = ?, failure_owner = ?, lease_owner = NULL, lease_expires_at = NULL, updated_at = ? "
                    + "WHERE idempotency_key = ? AND status = 'IN_PROGRESS' AND lease_owner = ?")) {
                stop.setString(1, record.recoveryPath());
                stop.setString(2, record.owner());
                stop.setLong(3, record.createdAt().toEpochMilli());
                stop.setString(4, record.idempotencyKey());
                stop.setString(5, leaseOwner);
                if (stop.executeUpdate() != 1) {
                    return readEscalation(connection, "idempotency_key", record.idempotencyKey());
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO baton_escalation ("
                    + ESCALATION_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, record.id());
                insert.setString(2, record.idempotencyKey());
                insert.setString(3, record.handoff());
                insert.setString(4, record.owner());
                insert.setString(5, record.queue());
                insert.setString(6, record.status().name());
                insert.setString(7, record.envelopeJson());
                insert.setString(8, record.envelopeSha256());
                insert.setString(9, StrictJson.mapper().writeValueAsString(record.attempts()));
                insert.setString(10, record.recoveryPath());
                insert.setString(11, record.question());
                insert.setString(12, record.answerSchema());
                insert.setLong(13, record.createdAt().toEpochMilli());
                insert.setLong(14, record.deadline().toEpochMilli());
                insert.setString(15, record.onTimeout().name());
                insert.setString(16, record.decisionJson());
                insert.setString(17, record.decidedBy());
                if (record.decidedAt() == null) {
                    insert.setNull(18, Types.BIGINT);
                } else {
                    insert.setLong(18, record.decidedAt().toEpochMilli());
                }
                insert.executeUpdate();
            }
            // return what was stored (times at the store's millisecond precision), so the first caller
            // and every later reader see an equal record
            Optional<EscalationRecord> stored = readEscalation(connection, "escalation_id", record.id());
            connection.commit();
            return stored;
        });
    }

    @Override
    public Optional<EscalationRecord> escalation(String id) {
        return execute(connection -> readEscalation(connection, "escalation_id", id));
    }

    @Override
    public Optional<EscalationRecord> escalationFor(String idempotencyKey) {
        return execute(connection -> readEscalation(connection, "idempotency_key", idempotencyKey));
    }

    @Override
    public List<EscalationRecord> openEscalations() {
        return execute(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT " + ESCALATION_COLUMNS
                    + " FROM baton_escalation WHERE status = 'OPEN' ORDER BY created_at, escalation_id")) {
                return readEscalations(statement);
            }
        });
    }

    @Override
    public boolean resolve(String id, String decisionJson, String decidedBy, Instant now, String leaseOwner,
                           Duration lease) {
        return inTransaction(connection -> {
            Optional<EscalationRecord> record = readEscalation(connection, "escalation_id", id);
            if (record.isEmpty()) {
                return false;
            }
            try (PreparedStatement decide = connection.prepareStatement("UPDATE baton_escalation SET "
                    + "status = 'RESOLVED', decision = ?, decided_by = ?, decided_at = ? "
                    + "WHERE escalation_id = ? AND status = 'OPEN'")) {
                decide.setString(1, decisionJson);
                decide.setString(2, decidedBy);
                decide.setLong(3, now.toEpochMilli());
                decide.setString(4, id);
                if (decide.executeUpdate() != 1) {
                    return false;
                }
            }
            try (PreparedStatement reopen = connection.prepareStatement("UPDATE baton_step SET "
                    + "status = 'IN_PROGRESS', lease_owner = ?, lease_expires_at = ?, updated_at = ? "
                    + "WHERE idempotency_key = ? AND status = 'ESCALATED'")) {
                reopen.setString(1, leaseOwner);
                reopen.setLong(2, now.plus(lease).toEpochMilli());
                reopen.setLong(3, now.toEpochMilli());
                reopen.setString(4, record.get().idempotencyKey());
                if (reopen.executeUpdate() != 1) {
                    return false;
                }
            }
            connection.commit();
            return true;
        });
    }

    @Override
    public int expireOverdue(Instant now) {
        List<EscalationRecord> overdue = execute(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT " + ESCALATION_COLUMNS
                    + " FROM baton_escalation WHERE status = 'OPEN' AND deadline <= ? ORDER BY deadline")) {
                statement.setLong(1, now.toEpochMilli());
                return readEscalations(statement);
            }
        });
        int expired = 0;
        for (EscalationRecord record : overdue) {
            boolean done = inTransaction(connection -> {
                if (update(connection, "UPDATE baton_escalation SET status = 'EXPIRED', decided_at = ? "
                        + "WHERE escalation_id = ? AND status = 'OPEN'", now.toEpochMilli(), record.id()) != 1) {
                    return false;
                }
                update(connection, "UPDATE baton_step SET status = 'FAILED', error = ?, updated_at = ? "
                                + "WHERE idempotency_key = ? AND status = 'ESCALATED'",
                        "escalation " + record.id() + " expired at its deadline; policy " + record.onTimeout()
                                + ": the side effect was not performed", now.toEpochMilli(), record.idempotencyKey());
                connection.commit();
                return true;
            });
            if (done) {
                expired++;
            }
        }
        return expired;
    }

    private static Optional<EscalationRecord> readEscalation(Connection connection, String column, String value)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT " + ESCALATION_COLUMNS + " FROM baton_escalation WHERE " + column + " = ?")) {
            statement.setString(1, value);
            List<EscalationRecord> records = readEscalations(statement);
            return records.isEmpty() ? Optional.empty() : Optional.of(records.get(0));
        }
    }

    private static List<EscalationRecord> readEscalations(PreparedStatement statement) throws SQLException {
        List<EscalationRecord> records = new ArrayList<>();
        try (ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                long decidedAt = row.getLong(18);
                boolean undecided = row.wasNull();
                records.add(new EscalationRecord(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5), EscalationStatus.valueOf(row.getString(6)), row.getString(7), row.getString(8),
                        StrictJson.mapper().readValue(row.getString(9), ATTEMPTS), row.getString(10), row.getString(11),
                        row.getString(12), Instant.ofEpochMilli(row.getLong(13)), Instant.ofEpochMilli(row.getLong(14)),
                        Escalation.TimeoutPolicy.valueOf(row.getString(15)), row.getString(16), row.getString(17),
                        undecided ? null : Instant.ofEpochMilli(decidedAt)));
            }
        }
        return records;
    }

    // ---------------------------------------------------------------- plumbing

    @FunctionalInterface
    private interface Work<R> {
        R run(Connection connection) throws SQLException;
    }

    private <R> R execute(Work<R> work) {
        Connection connection;
        try {
            connection = pool.borrow();
        } catch (SQLException e) {
            throw new StoreException("cannot reach the store", e);
        }
        boolean broken = false;
        try {
            return work.run(connection);
        } catch (SQLException e) {
            broken = ConnectionPool.isConnectionError(e);
            throw new StoreException("store statement failed", e);
        } finally {
            pool.giveBack(connection, broken);
        }
    }

    /**
     * Runs {@code work} as one transaction. The work commits what it wants kept; whatever it leaves
     * uncommitted (an early return, an exception) is rolled back.
     */
    private <R> R inTransaction(Work<R> work) {
        return execute(connection -> {
            connection.setAutoCommit(false);
            try {
                return work.run(connection);
            } finally {
                connection.rollback(); // nothing left to undo after a commit
                connection.setAutoCommit(true);
            }
        });
    }

    private int update(String sql, Object... parameters) {
        return execute(connection -> update(connection, sql, parameters));
    }

    private static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
