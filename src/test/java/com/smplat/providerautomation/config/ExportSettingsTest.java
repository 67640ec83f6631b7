package com.smplat.providerautomation.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ExportSettingsTest {
    private static ExportSettings exports(Map<String, String> env) {
        return ExportSettings.from(EnvSource.of(env));
    }

    @Test
    void defaultsFollowTheSpec() {
        ExportSettings settings = exports(Map.of());
        assertThat(settings.runsEnabled()).isFalse();
        assertThat(settings.runsCron()).isEqualTo("0 0 * * * ?");
        assertThat(settings.runsLimit()).isEqualTo(100);
        assertThat(settings.followUpsCron()).isEqualTo("0 5 * * * ?");
        assertThat(settings.followUpsLimit()).isEqualTo(1000);
        assertThat(settings.followUpsSink()).isEqualTo("webhook");
        assertThat(settings.pageSize()).isEqualTo(1000);
        assertThat(settings.settleSeconds()).isEqualTo(30);
        assertThat(settings.webhookRetries()).isEqualTo(3);
        assertThat(settings.awsRegion()).isEqualTo("us-east-1");
        assertThat(settings.s3TimeoutSeconds()).isEqualTo(30);
    }

    @Test
    void theS3TimeoutIsBetweenOneAndThreeHundredSeconds() {
        assertThat(exports(Map.of("GUARDRAIL_EXPORT_S3_TIMEOUT_SECONDS", "1")).s3TimeoutSeconds()).isEqualTo(1);
        assertThat(exports(Map.of("GUARDRAIL_EXPORT_S3_TIMEOUT_SECONDS", "300")).s3TimeoutSeconds()).isEqualTo(300);
        for (String bad : new String[] {"0", "301", "-5", "ten"}) {
            assertThatThrownBy(() -> exports(Map.of("GUARDRAIL_EXPORT_S3_TIMEOUT_SECONDS", bad))).as(bad)
                    .isInstanceOf(SettingsException.class).hasMessageContaining("GUARDRAIL_EXPORT_S3_TIMEOUT_SECONDS");
        }
    }

    @Test
    void fiveFieldCronsBecomeQuartzInUtc() {
        assertThat(exports(Map.of("GUARDRAIL_EXPORT_CRON", "0,30 * * * *")).followUpsCron()).isEqualTo("0 0,30 * * * ?");
        assertThat(exports(Map.of("SMPLAT_AUTOMATION_EXPORT_CRON", "15 3 * * 1")).runsCron()).as("Monday").isEqualTo("0 15 3 ? * 2");
        assertThat(exports(Map.of("GUARDRAIL_EXPORT_CRON", "0 0/10 * * * ?")).followUpsCron()).isEqualTo("0 0/10 * * * ?");
    }

    @Test
    void fiveFieldWeekdaysCountFromSundayAsZero() {
        assertThat(ExportSettings.quartzWeekdays("0")).as("Sunday").isEqualTo("1");
        assertThat(ExportSettings.quartzWeekdays("7")).as("Sunday again").isEqualTo("1");
        assertThat(ExportSettings.quartzWeekdays("1-5/2")).as("Monday, Wednesday, Friday").isEqualTo("2-6/2");
        assertThat(ExportSettings.quartzWeekdays("5-7")).as("Friday to Sunday").isEqualTo("6-1");
        assertThat(ExportSettings.quartzWeekdays("0,6")).isEqualTo("1,7");
        assertThat(ExportSettings.quartzWeekdays("*/2")).isEqualTo("*/2");
        assertThat(ExportSettings.quartzWeekdays("MON-FRI")).isEqualTo("MON-FRI");
        assertThat(exports(Map.of("GUARDRAIL_EXPORT_CRON", "30 6 * * 1-5")).followUpsCron()).isEqualTo("0 30 6 ? * 2-6");
    }

    @Test
    void badValuesNameTheVariableNotTheValue() {
        Map<String, String> bad = Map.of("SMPLAT_AUTOMATION_EXPORT_LIMIT", "200", "SMPLAT_AUTOMATION_EXPORT_FORMAT", "xml",
                "GUARDRAIL_EXPORT_SINK", "ftp", "GUARDRAIL_EXPORT_PAGE_SIZE", "1001", "GUARDRAIL_EXPORT_SETTLE_SECONDS", "-1",
                "GUARDRAIL_EXPORT_WEBHOOK_RETRIES", "eleven", "GUARDRAIL_EXPORT_CRON", "every hour", "GUARDRAIL_EXPORT_LIMIT", "-7");
        bad.forEach((name, value) -> assertThatThrownBy(() -> exports(Map.of(name, value))).as(name)
                .isInstanceOf(SettingsException.class).hasMessageContaining(name).hasMessageNotContaining(value));
    }

    @Test
    void theReplicaUrlTakesDatabaseUrlForms() {
        assertThat(exports(Map.of("GUARDRAIL_EXPORT_DATABASE_URL", "postgresql://ro:pw@replica:5432/app")).sourceDatabase())
                .hasValueSatisfying(target -> assertThat(target.jdbcUrl()).isEqualTo("jdbc:postgresql://replica:5432/app"));
        assertThat(exports(Map.of()).sourceDatabase()).isEmpty();
        assertThatThrownBy(() -> exports(Map.of("GUARDRAIL_EXPORT_DATABASE_URL", "mysql://ro:s3cret@db/app")))
                .hasMessageContaining("GUARDRAIL_EXPORT_DATABASE_URL").hasMessageNotContaining("s3cret");
    }

    @Test
    void secretsStayOutOfToString() {
        assertThat(exports(Map.of("GUARDRAIL_EXPORT_TRIGGER_TOKEN", "tok-secret", "ANALYTICS_GUARDRAIL_WEBHOOK", "https://hook/secret"))
                .toString()).doesNotContain("secret");
    }
}
