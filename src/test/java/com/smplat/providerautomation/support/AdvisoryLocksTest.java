package com.smplat.providerautomation.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** Pipeline locks on a real PostgreSQL through a real Hikari pool. */
class AdvisoryLocksTest {
    private static final String LOCK = "provider-automation:advisory-locks-test";
    private static EmbeddedPostgres postgres;
    private static JdbcTemplate superuser;
    private static HikariDataSource pool;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        DataSource admin = postgres.getPostgresDatabase();
        superuser = new JdbcTemplate(admin);
        // a role that may take advisory locks but not release them: its unlock fails on a live session
        superuser.execute("CREATE ROLE lock_holder LOGIN PASSWORD 'lock-holder'");
        superuser.execute("REVOKE EXECUTE ON FUNCTION pg_advisory_unlock(bigint) FROM PUBLIC");
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("lock_holder", "postgres"));
        config.setPassword("lock-holder");
        config.setMaximumPoolSize(1);
        pool = new HikariDataSource(config);
    }

    @AfterAll
    static void stop() throws Exception {
        if (pool != null) {
            pool.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aLeaseWhoseUnlockFailsEvictsItsConnectionSoTheLockIsFreeForAnotherSession() {
        AdvisoryLocks locks = new AdvisoryLocks(pool);
        AdvisoryLocks.Lease lease = locks.tryAcquire(LOCK).orElseThrow();
        assertThat(otherSessionCanTakeTheLock()).as("held by the lease").isFalse();

        lease.close();

        await().atMost(Duration.ofSeconds(5)).until(AdvisoryLocksTest::otherSessionCanTakeTheLock);
        assertThat(pool.getHikariPoolMXBean().getActiveConnections()).as("connections still out of the pool").isZero();
        // the pool replaces the evicted connection: the next lease works
        try (AdvisoryLocks.Lease next = locks.tryAcquire(LOCK).orElseThrow()) {
            assertThat(otherSessionCanTakeTheLock()).isFalse();
        }
    }

    /** Takes and at once releases the lock on a superuser session of its own. */
    private static boolean otherSessionCanTakeTheLock() {
        return Boolean.TRUE.equals(superuser.execute((java.sql.Connection connection) -> {
            try (var statement = connection.createStatement();
                 var rs = statement.executeQuery("SELECT pg_try_advisory_lock(hashtext('" + LOCK + "'))")) {
                rs.next();
                boolean taken = rs.getBoolean(1);
                if (taken) {
                    statement.execute("SELECT pg_advisory_unlock(hashtext('" + LOCK + "'))");
                }
                return taken;
            }
        }));
    }
}
