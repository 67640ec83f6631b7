package com.smplat.providerautomation.support;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The service's one timestamp form: UTC, six fraction digits, {@code Z} ({@code 2026-01-20T09:15:00.000000Z}),
 * and the lenient reader every spec asks for: {@code Z} or any offset, no offset meaning UTC, a bare date
 * meaning midnight UTC, and up to nine fraction digits truncated to microseconds. Only instants of the years 0001
 * to 9999 read as timestamps: PostgreSQL cannot store some outside them, and the canonical form has four-digit years.
 */
public final class Timestamps {
    private static final DateTimeFormatter CANONICAL = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter LENIENT = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral('T')
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter();

    /** The first and the last instant the reader accepts. */
    public static final Instant MIN = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant MAX = Instant.parse("9999-12-31T23:59:59.999999Z");

    private Timestamps() {
    }

    public static String canonical(Instant instant) {
        return CANONICAL.format(instant.truncatedTo(ChronoUnit.MICROS));
    }

    /** Now, at the microsecond precision Postgres stores. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    public static Optional<Instant> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String value = text.strip();
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            if (value.length() == 10) {
                Instant midnight = LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
                return midnight.isBefore(MIN) ? Optional.empty() : Optional.of(midnight);
            }
            var parsed = LENIENT.parseBest(value, OffsetDateTime::from, LocalDateTime::from);
            Instant instant = parsed instanceof OffsetDateTime offset
                    ? offset.toInstant()
                    : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
            instant = instant.truncatedTo(ChronoUnit.MICROS);
            return instant.isBefore(MIN) || instant.isAfter(MAX) ? Optional.empty() : Optional.of(instant);
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }
}
