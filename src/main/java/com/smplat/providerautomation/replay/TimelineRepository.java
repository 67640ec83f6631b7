package com.smplat.providerautomation.replay;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.smplat.providerautomation.support.Json;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** {@code order_state_events}: the order timeline. A failed write is logged and never fails the operation. */
@Repository
public class TimelineRepository {
    private static final Logger LOG = LoggerFactory.getLogger(TimelineRepository.class);

    private final NamedParameterJdbcTemplate jdbc;

    public TimelineRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Event(UUID orderId, String eventType, String actorType, String actorId, String actorLabel, String notes,
                        ObjectNode metadata) {
    }

    public void record(Event event) {
        try {
            jdbc.update("""
                    INSERT INTO order_state_events (order_id, event_type, actor_type, actor_id, actor_label, notes, metadata)
                    VALUES (:orderId, CAST(:eventType AS order_state_event_type_enum), CAST(:actorType AS order_state_actor_type_enum),
                            :actorId, :actorLabel, :notes, CAST(:metadata AS json))""",
                    new MapSqlParameterSource("orderId", event.orderId())
                            .addValue("eventType", event.eventType())
                            .addValue("actorType", event.actorType())
                            .addValue("actorId", event.actorId())
                            .addValue("actorLabel", event.actorLabel())
                            .addValue("notes", event.notes())
                            .addValue("metadata", Json.write(event.metadata())));
        } catch (RuntimeException e) {
            LOG.warn("Timeline event {} for order {} was not recorded: {}", event.eventType(), event.orderId(), e.getMessage());
        }
    }
}
