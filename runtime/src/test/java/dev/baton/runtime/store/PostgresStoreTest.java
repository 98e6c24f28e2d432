package dev.baton.runtime.store;

import dev.baton.runtime.testing.EmbeddedPostgresServer;
import org.junit.jupiter.api.BeforeEach;

import javax.sql.DataSource;
import java.util.concurrent.atomic.AtomicInteger;

/** The store contract on a real PostgreSQL server started by the build (one fresh database per test). */
class PostgresStoreTest extends StoreContractTest {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private String database;
    private DataSource dataSource;

    @Override
    @BeforeEach
    void openStore() {
        database = "baton_test_" + DATABASES.incrementAndGet();
        dataSource = EmbeddedPostgresServer.shared().freshDatabase(database);
        super.openStore();
    }

    @Override
    BatonStore open() {
        return BatonStore.postgres(dataSource);
    }

    @Override
    String childSpec() {
        return "pg:" + EmbeddedPostgresServer.shared().port() + ":" + database;
    }
}
