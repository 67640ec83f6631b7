package com.smplat.providerautomation.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The settings as operators see them: every variable of {@code .env.example} with its commented description, and
 * the names the service really reads (the literals of {@code config/*Settings.java}).
 */
record EnvExample(List<Variable> variables) {
    private static final Pattern VARIABLE = Pattern.compile("^# ?([A-Z][A-Z0-9_]+)=(.*)$");
    private static final Pattern SETTING_NAME = Pattern.compile("\"([A-Z][A-Z0-9_]{2,})\"");

    /** Read by the service only to run on a workstation: the embedded database and the demo sandbox. */
    static final Set<String> DEVELOPMENT_ONLY = Set.of("EMBEDDED_POSTGRES_DIR", "EMBEDDED_POSTGRES_PORT", "SANDBOX_BASE_URL");
    /** Set by the chart itself from its own values (environment, service.port, routes.mountPath). */
    static final Set<String> CHART_OWNED = Set.of("ENVIRONMENT", "PORT", "ROUTES_DIR");

    record Variable(String name, String example, String description, boolean legacy) {
        boolean secret() {
            return description.contains("(secret");
        }

        boolean read() {
            String lower = description.toLowerCase(Locale.ROOT);
            return !legacy && !lower.contains("not read") && !lower.contains("never read") && !lower.contains("does not read");
        }
    }

    static EnvExample read(Path file) {
        List<Variable> variables = new ArrayList<>();
        StringBuilder description = new StringBuilder();
        boolean legacy = false;
        for (String line : lines(file)) {
            Matcher variable = VARIABLE.matcher(line);
            if (line.startsWith("# ----")) {
                legacy = line.contains("legacy");
                description.setLength(0);
            } else if (variable.matches()) {
                variables.add(new Variable(variable.group(1), variable.group(2), description.toString(), legacy));
                description.setLength(0);
            } else if (line.startsWith("#")) {
                description.append(line.substring(1).strip()).append(' ');
            }
        }
        return new EnvExample(variables);
    }

    /** The variables an operator of a deployment sets: read by the service, not for development only. */
    Set<String> operatorSet() {
        return variables.stream().filter(Variable::read).map(Variable::name)
                .filter(name -> !DEVELOPMENT_ONLY.contains(name)).collect(Collectors.toCollection(TreeSet::new));
    }

    Set<String> secrets() {
        return variables.stream().filter(Variable::read).filter(Variable::secret).map(Variable::name)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    String example(String name) {
        return variables.stream().filter(v -> v.name().equals(name)).map(Variable::example).findFirst()
                .orElseThrow(() -> new AssertionError(name + " is not in .env.example"));
    }

    /** Every environment variable name the settings classes read. */
    static Set<String> namesTheServiceReads(Path configSources) {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.list(configSources)) {
            for (Path source : files.filter(f -> f.getFileName().toString().endsWith("Settings.java")).toList()) {
                SETTING_NAME.matcher(Files.readString(source)).results().forEach(m -> names.add(m.group(1)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
