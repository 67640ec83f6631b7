-- One keyset page of the follow-up export (exports.md 3.1, 3.3), read by step followup-export-read-page of
-- routes/export-followups-routes.yaml: rows strictly after (afterTs, afterId), created at or before upperBound,
-- in the order of index (created_at, id). Named parameters come from the message body (a map).
-- The row-value comparison runs in the database, so UUIDs compare unsigned; attachments is never read.
-- The page size is written into the text (an int, never text from a client) by the step followup-export-page-query,
-- so every plan knows how small the page is: a LIMIT parameter let the generic plan pick a parallel scan
-- (docs/benchmarks.md). So is the provider scope, one of two fixed texts (FollowUpRun.getProviderScope), because a
-- generic plan of "(:providerId IS NULL OR provider_id = :providerId)" sorts every remaining row for each page.
-- The output columns have names of their own, so ORDER BY means the indexed columns.
SELECT id::text AS follow_up_id, provider_id, provider_name, action, notes,
       CASE WHEN json_typeof(platform_context) = 'object' THEN platform_context::text END AS platform_context,
       conversion_cursor, conversion_href,
       to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_at_text
  FROM provider_guardrail_followup
 WHERE (created_at, id) > (CAST(:#afterTs AS timestamptz), CAST(:#afterId AS uuid))
   AND created_at <= CAST(:#upperBound AS timestamptz)
   AND ${exchangeProperty.followUpRun.providerScope}
 ORDER BY created_at, id
 LIMIT ${exchangeProperty.followUpRun.wanted}
