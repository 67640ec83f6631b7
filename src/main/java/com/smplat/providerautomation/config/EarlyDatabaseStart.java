package com.smplat.providerautomation.config;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

/**
 * Opens the database on a thread of its own as soon as the settings are known, while Spring prepares the context
 * (about 2 s of class loading and bean definitions): starting the embedded PostgreSQL takes about 0.5 s, which the
 * service otherwise spent waiting in the middle of its start. {@link DataSourceConfig} takes the endpoint over when
 * it needs it; an endpoint nobody took (the start failed or was stopped first) is closed, so no server outlives the
 * process.
 *
 * <p>A listener of the service's own start only (not of one-shot commands), after the logging and the settings
 * are set up, so the settings are the same ones the context validates.
 */
public final class EarlyDatabaseStart implements ApplicationListener<ApplicationEvent>, Ordered {
    static final String BEAN_NAME = "earlyDatabaseStart";
    private static final Logger LOG = LoggerFactory.getLogger(EarlyDatabaseStart.class);

    private final AtomicBoolean taken = new AtomicBoolean();
    private volatile DatabaseSettings settings;
    private volatile CompletableFuture<DatabaseEndpoint> endpoint;

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
            begin(Settings.from(SettingsConfig.envSource(prepared.getEnvironment())).database());
        } else if (event instanceof ApplicationPreparedEvent prepared) {
            prepared.getApplicationContext().getBeanFactory().registerSingleton(BEAN_NAME, this);
        } else if (event instanceof ApplicationFailedEvent || event instanceof ApplicationStartedEvent) {
            closeUntaken();
        }
    }

    private void begin(DatabaseSettings wanted) {
        settings = wanted;
        CompletableFuture<DatabaseEndpoint> opening = new CompletableFuture<>();
        endpoint = opening;
        Thread thread = new Thread(() -> {
            try {
                opening.complete(DatabaseEndpoint.open(wanted));
            } catch (RuntimeException | Error e) {
                opening.completeExceptionally(e);
            }
        }, "early-database-start");
        thread.setDaemon(true);
        thread.start();
        // a SIGTERM before the context took the server over must not leave it running
        Runtime.getRuntime().addShutdownHook(new Thread(this::closeUntaken, "early-database-stop"));
    }

    /**
     * The endpoint opened for {@code wanted}, waiting for it if it is still starting; the caller owns it from then
     * on. Empty when nothing was started for these settings (the caller opens its own).
     */
    Optional<DatabaseEndpoint> take(DatabaseSettings wanted) {
        if (endpoint == null || !wanted.equals(settings) || !taken.compareAndSet(false, true)) {
            closeUntaken();
            return Optional.empty();
        }
        try {
            return Optional.of(endpoint.join());
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private void closeUntaken() {
        if (endpoint == null || !taken.compareAndSet(false, true)) {
            return;
        }
        try {
            endpoint.join().close();
        } catch (CompletionException | IOException e) {
            LOG.warn("The database opened early was not used and did not close cleanly: {}", e.getMessage());
        }
    }
}
