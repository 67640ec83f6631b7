package com.smplat.providerautomation.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.smplat.providerautomation.support.Json;
import com.smplat.providerautomation.support.ServiceException;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Providers and provider orders as replays read and change them. Every payload change is a read-modify-write
 * under the row lock, committed at once, so concurrent changes to one provider order are all kept.
 */
@Repository
public class ProviderOrderRepository {
    static final String ORDER_COLUMNS = """
            id, order_id, order_item_id, provider_id, provider_name, service_id, service_action, amount, currency,
            payload::text AS payload""";

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    public ProviderOrderRepository(NamedParameterJdbcTemplate jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    public Optional<Provider> provider(String providerId) {
        return jdbc.query("SELECT id, name, metadata_json::text AS metadata FROM fulfillment_providers WHERE id = :id",
                new MapSqlParameterSource("id", providerId),
                (rs, row) -> new Provider(rs.getString("id"), rs.getString("name"), Json.readOrNull(rs.getString("metadata"))))
                .stream().findFirst();
    }

    public Optional<ProviderOrder> find(UUID id) {
        return jdbc.query("SELECT " + ORDER_COLUMNS + " FROM fulfillment_provider_orders WHERE id = :id",
                new MapSqlParameterSource("id", id), ProviderOrderRepository::map).stream().findFirst();
    }

    /** The provider, or 404 {@code Provider not found} (7.6, 7.8, 7.9). */
    public Provider existingProvider(String providerId) {
        return provider(providerId).orElseThrow(() -> ServiceException.notFound("Provider not found"));
    }

    /** The provider order when it belongs to the provider, or 404 {@code Provider order not found} (7.6, 7.8). */
    public ProviderOrder orderOfProvider(String providerId, UUID id) {
        return find(id).filter(order -> order.providerId().equals(providerId))
                .orElseThrow(() -> ServiceException.notFound("Provider order not found"));
    }

    /**
     * Changes one provider order's payload under its row lock and commits: {@code change} gets the current row and
     * mutates its payload in place; {@code updated_at} becomes now. Returns what {@code change} returned.
     */
    public <T> T mutate(UUID id, Function<ProviderOrder, T> change) {
        return transaction.execute(status -> {
            ProviderOrder order = jdbc.query("SELECT " + ORDER_COLUMNS + " FROM fulfillment_provider_orders WHERE id = :id FOR UPDATE",
                    new MapSqlParameterSource("id", id), ProviderOrderRepository::map).stream().findFirst()
                    .orElseThrow(() -> new IllegalStateException("provider order " + id + " disappeared"));
            T result = change.apply(order);
            writePayload(order);
            return result;
        });
    }

    /** Writes a payload changed under a lock this transaction holds. */
    void writePayload(ProviderOrder order) {
        jdbc.update("UPDATE fulfillment_provider_orders SET payload = CAST(:payload AS jsonb), updated_at = now() WHERE id = :id",
                new MapSqlParameterSource("id", order.id()).addValue("payload", Json.write(order.payload())));
    }

    /** Writes payloads changed under locks this transaction holds, in one round trip. */
    void writePayloads(List<ProviderOrder> changed) {
        if (changed.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("UPDATE fulfillment_provider_orders SET payload = CAST(:payload AS jsonb), updated_at = now() WHERE id = :id",
                changed.stream().map(order -> new MapSqlParameterSource("id", order.id())
                        .addValue("payload", Json.write(order.payload()))).toArray(MapSqlParameterSource[]::new));
    }

    /** The row versions ({@code xmin}) of these provider orders: they change with every write of the row. */
    Map<UUID, String> versions(List<UUID> ids) {
        Map<UUID, String> versions = new java.util.HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.query("SELECT id, xmin::text AS version FROM fulfillment_provider_orders WHERE id IN (:ids)",
                    new MapSqlParameterSource("ids", ids),
                    rs -> {
                        versions.put(rs.getObject("id", UUID.class), rs.getString("version"));
                    });
        }
        return versions;
    }

    /**
     * Writes a payload changed without a lock, if the row is still at {@code version}: the row's new version, or
     * empty when another transaction wrote the row since (the caller then locks and reads it again).
     */
    Optional<String> writeIfUnchanged(ProviderOrder order, String version) {
        return jdbc.query("""
                        UPDATE fulfillment_provider_orders SET payload = CAST(:payload AS jsonb), updated_at = now()
                         WHERE id = :id AND xmin = CAST(:version AS xid) RETURNING xmin::text AS version""",
                new MapSqlParameterSource("id", order.id()).addValue("payload", Json.write(order.payload()))
                        .addValue("version", version),
                (rs, row) -> rs.getString("version")).stream().findFirst();
    }

    /** Locks the given provider orders, skipping any another transaction holds; call inside a transaction. */
    List<ProviderOrder> lockSkippingLocked(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.query("SELECT " + ORDER_COLUMNS + " FROM fulfillment_provider_orders WHERE id IN (:ids) FOR UPDATE SKIP LOCKED",
                new MapSqlParameterSource("ids", ids), ProviderOrderRepository::map);
    }

    static ProviderOrder map(ResultSet rs, int row) throws SQLException {
        JsonNode payload = Json.readOrNull(rs.getString("payload"));
        return new ProviderOrder(rs.getObject("id", UUID.class), rs.getObject("order_id", UUID.class),
                rs.getObject("order_item_id", UUID.class), rs.getString("provider_id"), rs.getString("provider_name"),
                rs.getString("service_id"), rs.getString("service_action"), (BigDecimal) rs.getObject("amount"),
                rs.getString("currency"), payload instanceof ObjectNode object ? object : Json.MAPPER.createObjectNode());
    }
}
