package com.smplat.providerautomation.replay;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.smplat.providerautomation.support.Json;
import com.smplat.providerautomation.support.ServiceException;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * {@code replay_idempotency_keys}: an operator's {@code Idempotency-Key} per provider order, kept 24 hours. A key is
 * claimed before the provider call and completed with the produced entry after it, so a repeat (or a concurrent
 * duplicate) never calls the provider twice. A claim left incomplete for 10 minutes (a crash) may be taken again.
 */
@Repository
public class IdempotencyKeys {
    public sealed interface Claim permits Claimed, Completed, InProgress {
    }

    public record Claimed() implements Claim {
    }

    public record Completed(ObjectNode response) implements Claim {
    }

    public record InProgress() implements Claim {
    }

    /** The longest key accepted (the column is varchar(255)). */
    public static final int MAX_LENGTH = 255;

    private final NamedParameterJdbcTemplate jdbc;

    public IdempotencyKeys(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The header's key, stripped; null when absent or blank; a 422 when longer than 255 characters or unprintable. */
    public static String normalize(String header) {
        String key = header == null || header.isBlank() ? null : header.strip();
        if (key != null && (key.length() > MAX_LENGTH || !Json.storableText(key))) {
            throw ServiceException.invalid("Idempotency-Key must be at most " + MAX_LENGTH + " printable characters");
        }
        return key;
    }

    public Claim claim(UUID providerOrderId, String key) {
        MapSqlParameterSource params = new MapSqlParameterSource("id", providerOrderId).addValue("key", key);
        boolean claimed = !jdbc.queryForList("""
                INSERT INTO replay_idempotency_keys (provider_order_id, idempotency_key, response, created_at)
                VALUES (:id, :key, NULL, now())
                ON CONFLICT (provider_order_id, idempotency_key) DO UPDATE SET response = NULL, created_at = now()
                 WHERE replay_idempotency_keys.created_at < now() - interval '24 hours'
                    OR (replay_idempotency_keys.response IS NULL AND replay_idempotency_keys.created_at < now() - interval '10 minutes')
                RETURNING 1""", params, Integer.class).isEmpty();
        if (claimed) {
            return new Claimed();
        }
        Optional<String> stored = jdbc.queryForList("""
                SELECT response::text FROM replay_idempotency_keys WHERE provider_order_id = :id AND idempotency_key = :key""",
                params, String.class).stream().findFirst();
        if (stored.isPresent() && stored.get() != null) {
            return new Completed((ObjectNode) com.smplat.providerautomation.support.Json.readOrNull(stored.get()));
        }
        return new InProgress();
    }

    public void complete(UUID providerOrderId, String key, ObjectNode response) {
        jdbc.update("""
                UPDATE replay_idempotency_keys SET response = CAST(:response AS json)
                 WHERE provider_order_id = :id AND idempotency_key = :key""",
                new MapSqlParameterSource("id", providerOrderId).addValue("key", key).addValue("response", Json.write(response)));
    }

    /** A failed request persists nothing, its key included, so the operator can retry with the same key. */
    public void release(UUID providerOrderId, String key) {
        jdbc.update("DELETE FROM replay_idempotency_keys WHERE provider_order_id = :id AND idempotency_key = :key AND response IS NULL",
                new MapSqlParameterSource("id", providerOrderId).addValue("key", key));
    }

    public int purgeExpired() {
        return jdbc.update("DELETE FROM replay_idempotency_keys WHERE created_at < now() - interval '24 hours'",
                new MapSqlParameterSource());
    }
}
