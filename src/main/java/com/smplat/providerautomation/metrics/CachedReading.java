package com.smplat.providerautomation.metrics;

import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A value read from the database at most once per {@code maxAge}: every replica is scraped every 15 to 30 s, and a
 * gauge must not turn each scrape into a query. A failed read gives {@code fallback} (the gauge shows NaN), never an
 * error on the scrape.
 */
final class CachedReading<T> {
    private static final Logger LOG = LoggerFactory.getLogger(CachedReading.class);

    private final String what;
    private final Supplier<T> source;
    private final long maxAgeNanos;
    private final T fallback;
    private T value;
    private long readAtNanos;
    private boolean read;

    CachedReading(String what, Duration maxAge, T fallback, Supplier<T> source) {
        this.what = what;
        this.source = source;
        this.maxAgeNanos = maxAge.toNanos();
        this.fallback = fallback;
    }

    synchronized T get() {
        long now = System.nanoTime();
        if (!read || now - readAtNanos >= maxAgeNanos) {
            try {
                value = source.get();
            } catch (RuntimeException e) {
                LOG.debug("Metric reading '{}' failed: {}", what, e.getClass().getSimpleName());
                value = fallback;
            }
            readAtNanos = now;
            read = true;
        }
        return value;
    }
}
