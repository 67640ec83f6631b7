package com.smplat.providerautomation.exports;

import org.apache.camel.component.sql.DefaultRowMapperFactory;
import org.apache.camel.component.sql.RowMapperFactory;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * The page query's rows (sql/followup-export-page.sql, by column name) straight into {@link FollowUpRows.Row}s, for
 * the {@code sql:} step's {@code rowMapperFactory=#followUpRowMapper}. camel-sql's default builds a case-insensitive
 * map per row first, which cost about a tenth of the file sink's time (docs/benchmarks.md).
 */
@Component("followUpRowMapper")
public class FollowUpRowMapper implements RowMapperFactory {
    private static final RowMapper<FollowUpRows.Row> ROWS = (rs, rowNum) -> FollowUpRows.row(rs.getString("follow_up_id"),
            rs.getString("provider_id"), rs.getString("provider_name"), rs.getString("action"), rs.getString("notes"),
            rs.getString("platform_context"), rs.getString("conversion_cursor"), rs.getString("conversion_href"),
            rs.getString("created_at_text"));
    private final RowMapperFactory others = new DefaultRowMapperFactory();

    @Override
    public RowMapper<?> newColumnRowMapper() {
        return ROWS;
    }

    @Override
    public RowMapper<?> newBeanRowMapper(Class<?> type) {
        return others.newBeanRowMapper(type);
    }
}
