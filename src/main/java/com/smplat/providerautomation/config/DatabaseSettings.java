package com.smplat.providerautomation.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Which database to use: {@code DATABASE_URL} when set, otherwise an embedded PostgreSQL whose data lives in
 * {@code EMBEDDED_POSTGRES_DIR} ({@code EMBEDDED_POSTGRES_PORT} 0 picks a free port). {@code DATABASE_POOL_SIZE}
 * bounds the connection pool.
 */
public record DatabaseSettings(Optional<DatabaseTarget> external, Path embeddedDir, int embeddedPort, int poolSize) {

    static DatabaseSettings from(EnvSource env) {
        Optional<DatabaseTarget> external = env.get("DATABASE_URL")
                .map(url -> DatabaseTarget.parse(url, env.get("DATABASE_USER"), env.get("DATABASE_PASSWORD")));
        Path embeddedDir = Path.of(env.string("EMBEDDED_POSTGRES_DIR", "data/postgres"));
        int embeddedPort = env.integer("EMBEDDED_POSTGRES_PORT", 0);
        if (embeddedPort < 0 || embeddedPort > 65535) {
            throw new SettingsException("EMBEDDED_POSTGRES_PORT must be between 0 and 65535");
        }
        int poolSize = env.integer("DATABASE_POOL_SIZE", 20);
        if (poolSize < 2 || poolSize > 200) {
            throw new SettingsException("DATABASE_POOL_SIZE must be between 2 and 200");
        }
        return new DatabaseSettings(external, embeddedDir, embeddedPort, poolSize);
    }
}
