package com.smplat.providerautomation.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.smplat.providerautomation.support.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cursor file forms of exports.md 3.7, the row key of 3.6 and the canonical JSON of 1.2 (no Camel context). */
class CursorStateTest {
    private static CursorState parse(String text) {
        return CursorState.parse(text.getBytes(StandardCharsets.UTF_8), "the cursor file");
    }

    @Test
    void everyAcceptedFormReads() {
        assertThat(parse("{\"cursor\": \"2026-01-21T08:00:00+02:00\", \"lastFollowUpId\": \"A3E1B2C4-6D7F-4A8B-9C0D-1E2F3A4B5C6D\", \"providerId\": \"p\"}"))
                .isEqualTo(new CursorState("2026-01-21T06:00:00.000000Z", "a3e1b2c4-6d7f-4a8b-9c0d-1e2f3a4b5c6d", "p", 0, null));
        assertThat(parse("{\"cursor\": \"2026-01-21\"}").cursor()).isEqualTo("2026-01-21T00:00:00.000000Z");
        assertThat(parse("{\"cursor\": null, \"providerId\": null, \"rows\": 0}").cursor()).isNull();
        assertThat(parse("\"2026-01-21T08:00:00.1234567Z\"").cursor()).isEqualTo("2026-01-21T08:00:00.123456Z");
        assertThat(parse("  2026-01-21T08:00:00Z \n").cursor()).isEqualTo("2026-01-21T08:00:00.000000Z");
    }

    @Test
    void anythingElseIsAConfigError() {
        for (String bad : List.of("", "   ", "{}", "[]", "{\"cursor\": 5}", "{\"cursor\": \"tomorrow\"}",
                "{\"cursor\": \"2026-01-21T08:00:00Z\", \"lastFollowUpId\": \"x\"}", "{\"cursor\": \"2026-", "\"nope\"", "yesterday")) {
            assertThatThrownBy(() -> parse(bad)).as(bad).isInstanceOf(ExportFailure.class)
                    .satisfies(e -> assertThat(((ExportFailure) e).category()).isEqualTo("config"));
        }
    }

    @Test
    void theFileIsPrettyWithMembersInOrder() throws Exception {
        String text = new String(new CursorState("2026-01-21T08:00:00.000000Z", null, null, 3, "2026-01-22T04:05:09.412345Z")
                .toFileBytes(), StandardCharsets.UTF_8);
        assertThat(text).isEqualTo("{\n  \"cursor\": \"2026-01-21T08:00:00.000000Z\",\n  \"lastFollowUpId\": null,\n"
                + "  \"providerId\": null,\n  \"rows\": 3,\n  \"updatedAt\": \"2026-01-22T04:05:09.412345Z\"\n}\n");
        assertThat(Json.MAPPER.readTree(text).fieldNames()).toIterable()
                .containsExactly("cursor", "lastFollowUpId", "providerId", "rows", "updatedAt");
    }

    @Test
    void theIdempotencyKeyIsTheSpecExample() {
        assertThat(FollowUpRows.idempotencyKey(List.of(
                new FollowUpRows.Row("0b7e6f2a-1c3d-4e5f-8a9b-0c1d2e3f4a5b", null, null),
                new FollowUpRows.Row("5d1c9e7b-2f4a-4b6c-9d8e-7f6a5b4c3d2e", null, null))))
                .isEqualTo("cc03092b5876c64d06d4765299332dd90c4171c9c145197a095b6627551f5e13");
    }

    @Test
    void canonicalJsonSpacingAndEscapes() {
        assertThat(CanonicalJson.line(Json.MAPPER.createObjectNode().put("a", 1).put("é", "ü")
                .set("b", Json.MAPPER.createArrayNode().add(1).add(2))))
                .isEqualTo("{\"a\": 1, \"\\u00E9\": \"\\u00FC\", \"b\": [1, 2]}");
    }

    @Test
    void s3UrisAndObjectUrls() {
        S3Target aws = S3Target.parse("s3://smplat-exports/guardrail_followups/latest.ndjson", "us-east-1", null, null, null).orElseThrow();
        assertThat(aws.objectUrl()).isEqualTo("https://smplat-exports.s3.us-east-1.amazonaws.com/guardrail_followups/latest.ndjson");
        S3Target local = S3Target.parse("s3://b/k.json", "eu-west-1", "http://127.0.0.1:9000", "id", "secret").orElseThrow();
        assertThat(local.objectUrl()).isEqualTo("http://127.0.0.1:9000/b/k.json");
        assertThat(local.clientName()).doesNotContain("secret").isEqualTo(local.withKey("other").clientName())
                .isNotEqualTo(new S3Target("b", "k.json", "eu-west-1", "http://127.0.0.1:9000", "id", "wrong").clientName());
        assertThat(local.toString()).doesNotContain("secret");
        assertThat(S3Target.parse("bucket/key", "r", null, null, null)).isEmpty();
        assertThat(S3Target.parse("s3://bucket", "r", null, null, null)).isEmpty();
    }
}
