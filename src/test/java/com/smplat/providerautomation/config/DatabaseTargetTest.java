package com.smplat.providerautomation.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class DatabaseTargetTest {

    @Test
    void platformFormBecomesJdbcWithDecodedCredentials() {
        DatabaseTarget target = DatabaseTarget.parse("postgresql://app:p%40ss%3Aword@db.internal:5433/automation?sslmode=require",
                Optional.empty(), Optional.empty());
        assertThat(target.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:5433/automation?sslmode=require");
        assertThat(target.user()).isEqualTo("app");
        assertThat(target.password()).isEqualTo("p@ss:word");
    }

    @Test
    void postgresSchemeAndMissingPasswordAreAccepted() {
        DatabaseTarget target = DatabaseTarget.parse("postgres://reader@localhost/app", Optional.empty(), Optional.empty());
        assertThat(target.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost/app");
        assertThat(target.user()).isEqualTo("reader");
        assertThat(target.password()).isNull();
    }

    @Test
    void jdbcFormIsKeptAndOverridesWin() {
        DatabaseTarget target = DatabaseTarget.parse("jdbc:postgresql://localhost:5432/app", Optional.of("u"), Optional.of("secret"));
        assertThat(target.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/app");
        assertThat(target.user()).isEqualTo("u");
        assertThat(target.password()).isEqualTo("secret");
        assertThat(target.toString()).doesNotContain("secret");
    }

    @Test
    void otherSchemesAreRejectedWithoutEchoingTheValue() {
        assertThatThrownBy(() -> DatabaseTarget.parse("mysql://root:hunter2@x/db", Optional.empty(), Optional.empty()))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("DATABASE_URL")
                .hasMessageNotContaining("hunter2");
    }
}
