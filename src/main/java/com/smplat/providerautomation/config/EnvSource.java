package com.smplat.providerautomation.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where settings come from: the process environment, over an optional {@code .env} file in the working
 * directory. An empty value counts as unset. Typed getters fail with a message that names the variable
 * and never its value.
 */
public final class EnvSource {
    private static final List<String> TRUE = List.of("true", "1", "yes", "on");
    private static final List<String> FALSE = List.of("false", "0", "no", "off");

    private final Function<String, String> lookup;

    public EnvSource(Function<String, String> lookup) {
        this.lookup = lookup;
    }

    public static EnvSource of(Map<String, String> values) {
        Map<String, String> copy = Map.copyOf(values);
        return new EnvSource(copy::get);
    }

    /** The process environment over {@code ./.env}, when that file exists. */
    public static EnvSource fromProcess() {
        Map<String, String> merged = new HashMap<>(readDotEnv(Path.of(".env")));
        merged.putAll(System.getenv());
        return of(merged);
    }

    /** The {@code .env} file of the working directory, empty when there is none. */
    public static Map<String, String> readDotEnv(Path file) {
        Map<String, String> result = new HashMap<>();
        if (!Files.isRegularFile(file)) {
            return result;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SettingsException(".env exists but cannot be read");
        }
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring("export ".length()).strip();
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                    || value.startsWith("'") && value.endsWith("'"))) {
                value = value.substring(1, value.length() - 1);
            }
            result.put(key, value);
        }
        return result;
    }

    public Optional<String> get(String name) {
        String value = lookup.apply(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    /** The value as set, empty string included: for the few settings where empty means something. */
    public Optional<String> raw(String name) {
        return Optional.ofNullable(lookup.apply(name));
    }

    public String string(String name, String fallback) {
        return get(name).orElse(fallback);
    }

    public int integer(String name, int fallback) {
        Optional<String> value = get(name);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.get());
        } catch (NumberFormatException e) {
            throw new SettingsException(name + " must be an integer");
        }
    }

    public double decimal(String name, double fallback) {
        Optional<String> value = get(name);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            double parsed = Double.parseDouble(value.get());
            if (!Double.isFinite(parsed)) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new SettingsException(name + " must be a decimal number");
        }
    }

    public boolean bool(String name, boolean fallback) {
        Optional<String> value = get(name);
        if (value.isEmpty()) {
            return fallback;
        }
        String lower = value.get().toLowerCase(Locale.ROOT);
        if (TRUE.contains(lower)) {
            return true;
        }
        if (FALSE.contains(lower)) {
            return false;
        }
        throw new SettingsException(name + " must be one of true/false/1/0/yes/no/on/off");
    }
}
