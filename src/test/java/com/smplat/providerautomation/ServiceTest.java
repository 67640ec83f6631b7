package com.smplat.providerautomation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The one Spring context the integration tests share (same annotation, same cache key): the whole service on a
 * random port, its embedded PostgreSQL in a per-run directory (or {@code DATABASE_URL} when the environment sets
 * one), and an operator key, so the protected endpoints are exercised as in production.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@CamelSpringBootTest
@AutoConfigureObservability
@SpringBootTest(classes = Application.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "CHECKOUT_API_KEY=" + ServiceTest.API_KEY,
            "ENVIRONMENT=development",
            "EMBEDDED_POSTGRES_DIR=target/test-postgres/service",
            // the batch schedule fires every 2 s (disabled, so each firing is a skip) to prove clustered Quartz runs
            "PROVIDER_REPLAY_WORKER_CRON=0/2 * * * * ?",
            // the follow-up export's trigger, status and download endpoints: triggered runs use the file sink
            "GUARDRAIL_EXPORT_TRIGGER_TOKEN=" + ServiceTest.TRIGGER_TOKEN,
            "GUARDRAIL_EXPORT_SINK=file",
            "GUARDRAIL_EXPORT_FILE_PATH=target/test-exports/guardrail_followups.ndjson",
            "GUARDRAIL_EXPORT_SETTLE_SECONDS=0",
            // S3 calls time out after 3 s (FollowUpExportS3TimeoutTest): s3proxy answers well within it
            "GUARDRAIL_EXPORT_S3_TIMEOUT_SECONDS=3",
            // the hot-path warm-up before readiness has its own test
            "STARTUP_WARMUP_SECONDS=0"
        })
@ContextConfiguration(initializers = FreshEmbeddedDatabase.class)
public @interface ServiceTest {
    String API_KEY = "test-operator-key";
    String TRIGGER_TOKEN = "test-export-trigger-token";
}
