package dev.baton.runtime.store;

import dev.baton.runtime.escalation.EscalationStore;
import dev.baton.runtime.idempotency.IdempotencyStore;

import javax.sql.DataSource;
import java.nio.file.Path;

/**
 * Where idempotency records and escalations live. Two implementations share one contract test suite:
 * an embedded, durable store that needs no set-up (H2 in file mode; survives a restart of the JVM, one
 * process at a time) and PostgreSQL for many instances of a service.
 */
public interface BatonStore extends IdempotencyStore, EscalationStore, AutoCloseable {

    /**
     * The embedded default: a database in {@code directory}, created on first use.
     * One process at a time may open it; use {@link #postgres(DataSource)} for several instances.
     */
    static BatonStore embedded(Path directory) {
        return JdbcBatonStore.embedded(directory);
    }

    /** A store on PostgreSQL; tables are created if missing. Pass your pooled data source. */
    static BatonStore postgres(DataSource dataSource) {
        return JdbcBatonStore.postgres(dataSource);
    }

    /** Releases connections. */
    @Override
    void close();
}
