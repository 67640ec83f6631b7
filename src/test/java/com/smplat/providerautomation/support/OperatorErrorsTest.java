package com.smplat.providerautomation.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.SocketTimeoutException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;

class OperatorErrorsTest {

    @Test
    void theOperatorSeesACategoryAndAReferenceNeverTheMessage() {
        SQLException sql = new SQLException("ERROR: timestamp out of range in INSERT INTO provider_automation_runs ...", "22008");

        String shown = OperatorErrors.logged(LoggerFactory.getLogger(OperatorErrorsTest.class), "test",
                new DataIntegrityViolationException("INSERT INTO provider_automation_runs", sql));

        assertThat(shown).matches("database error \\(reference [0-9a-f-]{36}\\)");
        assertThat(OperatorErrors.category(new IllegalStateException(new SocketTimeoutException("Read timed out"))))
                .isEqualTo("timeout");
        assertThat(OperatorErrors.category(new IllegalArgumentException("boom"))).isEqualTo("internal error");
    }

    @Test
    void aLostConnectionIsTheDatabaseAwayARefusedStatementIsNot() {
        assertThat(OperatorErrors.databaseAway(new RuntimeException(new SQLException("connection lost", "08006")))).isTrue();
        assertThat(OperatorErrors.databaseAway(new RuntimeException(new SQLException("terminating", "57P01")))).isTrue();
        assertThat(OperatorErrors.databaseAway(new SQLException("out of range", "22008"))).isFalse();
        assertThat(OperatorErrors.databaseAway(new IllegalStateException("x"))).isFalse();
    }
}
