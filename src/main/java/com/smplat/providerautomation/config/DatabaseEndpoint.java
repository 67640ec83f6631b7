package com.smplat.providerautomation.config;

import java.io.Closeable;
import java.io.IOException;
import java.util.Optional;

/** The database the service talks to, with the embedded server it owns when {@code DATABASE_URL} is unset. */
public final class DatabaseEndpoint implements Closeable {
    private final DatabaseTarget target;
    private final Optional<EmbeddedPostgresServer> embedded;

    private DatabaseEndpoint(DatabaseTarget target, Optional<EmbeddedPostgresServer> embedded) {
        this.target = target;
        this.embedded = embedded;
    }

    public static DatabaseEndpoint open(DatabaseSettings settings) {
        if (settings.external().isPresent()) {
            return new DatabaseEndpoint(settings.external().get(), Optional.empty());
        }
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(settings.embeddedDir(), settings.embeddedPort());
        return new DatabaseEndpoint(server.target(), Optional.of(server));
    }

    public DatabaseTarget target() {
        return target;
    }

    public Optional<EmbeddedPostgresServer> embedded() {
        return embedded;
    }

    @Override
    public void close() throws IOException {
        if (embedded.isPresent()) {
            embedded.get().close();
        }
    }
}
