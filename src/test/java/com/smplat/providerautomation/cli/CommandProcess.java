package com.smplat.providerautomation.cli;

import com.smplat.providerautomation.Application;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the service's main class as a separate process, as an operator or cron would, with a chosen environment. */
public final class CommandProcess {
    public record Result(int exitCode, String stdout, String stderr) {
    }

    /** The environment that points a command at the test context's database. */
    public static Map<String, String> sharedDatabase(com.smplat.providerautomation.config.DatabaseEndpoint database) {
        return Map.of(
                "DATABASE_URL", database.target().jdbcUrl(),
                "DATABASE_USER", database.target().user() == null ? "" : database.target().user(),
                "DATABASE_PASSWORD", database.target().password() == null ? "" : database.target().password());
    }

    public static Result run(Path workingDir, Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                Application.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDir.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("DATABASE_") || name.equals("CHECKOUT_API_KEY")
                || name.equals("PORT") || name.equals("ENVIRONMENT") || name.startsWith("EMBEDDED_POSTGRES"));
        builder.environment().putAll(env);
        Path out = Files.createTempFile("cmd", ".out");
        Path err = Files.createTempFile("cmd", ".err");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("command did not finish: " + command);
        }
        Result result = new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return result;
    }
}
