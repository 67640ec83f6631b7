package com.smplat.providerautomation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.smplat.providerautomation.ProviderOrderFixtures;
import com.smplat.providerautomation.ServiceTest;
import com.smplat.providerautomation.config.DatabaseEndpoint;
import com.smplat.providerautomation.exports.S3Server;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jclouds.blobstore.options.ListContainerOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * docs/editing-routes.md, "Change the S3 key layout": a copy of routes/ with the landing key of
 * export-followups-routes.yaml edited, in the working directory of the command, changes where the pipeline lands its
 * pages. No Java changes, no rebuild.
 */
@ServiceTest
class EditedExportRouteTest {
    @TempDir
    Path workDir;

    @Autowired
    DatabaseEndpoint database;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anEditedCopyOfTheFollowUpRouteFileChangesTheLandingKeyLayout() throws Exception {
        Path routes = Files.createDirectories(workDir.resolve("routes"));
        try (var files = Files.list(Path.of("routes"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                Files.copy(file, routes.resolve(file.getFileName()));
            }
        }
        Path routeFile = routes.resolve("export-followups-routes.yaml");
        String original = Files.readString(routeFile);
        String edited = original.replace("${exchangeProperty.landingPrefix}/dt=${exchangeProperty.landingDate}/",
                "${exchangeProperty.landingPrefix}/date=${exchangeProperty.landingDate}/edited/");
        assertThat(edited).isNotEqualTo(original);
        Files.writeString(routeFile, edited);

        String providerId = ProviderOrderFixtures.uniqueId("edited-route");
        String id = UUID.randomUUID().toString();
        jdbc.update("INSERT INTO provider_guardrail_followup (id, provider_id, action, created_at) VALUES (CAST(? AS uuid), ?, 'pause', ?)",
                id, providerId, Timestamp.from(Instant.parse("2025-07-04T12:00:00Z")));
        String bucket = S3Server.bucket(providerId.toLowerCase().replaceAll("[^a-z0-9]", ""));
        Map<String, String> env = new HashMap<>(CommandProcess.sharedDatabase(database));
        env.put("GUARDRAIL_EXPORT_LANDING_S3_URI", "s3://" + bucket + "/landed");
        env.put("GUARDRAIL_EXPORT_S3_ENDPOINT", S3Server.endpoint());
        env.put("GUARDRAIL_EXPORT_AWS_ACCESS_KEY_ID", S3Server.ACCESS_KEY);
        env.put("GUARDRAIL_EXPORT_AWS_SECRET_ACCESS_KEY", S3Server.SECRET_KEY);

        CommandProcess.Result result = CommandProcess.run(workDir, env, "export-guardrail-followups", "--sink", "s3",
                "--provider-id", providerId);

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        String key = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest((id + "\n").getBytes(StandardCharsets.UTF_8)));
        List<String> keys = new ArrayList<>();
        S3Server.store().list(bucket, ListContainerOptions.Builder.recursive()).forEach(meta -> keys.add(meta.getName()));
        assertThat(keys).containsExactly("landed/date=2025-07-04/edited/" + key + ".ndjson");
    }
}
