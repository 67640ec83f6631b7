package com.smplat.providerautomation.config;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A JDBC connection target parsed from {@code DATABASE_URL}. Accepts the platform form
 * {@code postgresql://user:pass@host:port/db?params} (also {@code postgres://}) and the JDBC form
 * {@code jdbc:postgresql://...}. {@code DATABASE_USER} and {@code DATABASE_PASSWORD} override the
 * credentials in the URL.
 */
public record DatabaseTarget(String jdbcUrl, String user, String password) {

    public static DatabaseTarget parse(String url, Optional<String> userOverride, Optional<String> passwordOverride) {
        String trimmed = url.strip();
        String user = null;
        String password = null;
        String jdbcUrl;
        if (trimmed.startsWith("jdbc:postgresql://")) {
            jdbcUrl = trimmed;
        } else if (trimmed.startsWith("postgresql://") || trimmed.startsWith("postgres://")) {
            String rest = trimmed.substring(trimmed.indexOf("://") + 3);
            int slash = rest.indexOf('/');
            String authority = slash < 0 ? rest : rest.substring(0, slash);
            String pathAndQuery = slash < 0 ? "" : rest.substring(slash);
            int at = authority.lastIndexOf('@');
            if (at >= 0) {
                String credentials = authority.substring(0, at);
                authority = authority.substring(at + 1);
                int colon = credentials.indexOf(':');
                user = decode(colon < 0 ? credentials : credentials.substring(0, colon));
                password = colon < 0 ? null : decode(credentials.substring(colon + 1));
            }
            if (authority.isEmpty()) {
                throw new SettingsException("DATABASE_URL has no host");
            }
            jdbcUrl = "jdbc:postgresql://" + authority + pathAndQuery;
        } else {
            throw new SettingsException("DATABASE_URL must start with postgresql://, postgres:// or jdbc:postgresql://");
        }
        return new DatabaseTarget(jdbcUrl, userOverride.orElse(user), passwordOverride.orElse(password));
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "DatabaseTarget[" + jdbcUrl.replaceAll("password=[^&]*", "password=***") + ", user=" + user + "]";
    }
}
