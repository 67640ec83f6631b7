package com.smplat.providerautomation.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** The safety net for route editors: a route file that breaks the Camel YAML DSL fails the build, with its line. */
class RouteFilesSchemaTest {

    private static final Path ROUTES = Path.of("routes");
    private final RouteFileSchema schema = new RouteFileSchema();

    @TestFactory
    Stream<DynamicTest> everyRouteFileFollowsTheCamelYamlDslSchema() throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(ROUTES)) {
            files = listing.filter(file -> file.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(),
                () -> assertThat(schema.problems(file)).as("schema problems of %s", file).isEmpty()));
    }

    @Test
    void aMisspelledStepIsReportedWithTheFileAndTheLineItIsOn(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("broken-routes.yaml");
        Files.writeString(file, """
                - route:
                    id: broken
                    from:
                      uri: direct:broken
                      steps:
                        - log:
                            id: broken-log
                            message: hello
                        - too:
                            id: broken-to
                            uri: log:x
                """);

        assertThat(schema.problems(file)).isNotEmpty().allSatisfy(problem -> assertThat(problem).startsWith("broken-routes.yaml:"))
                .anySatisfy(problem -> assertThat(problem).startsWith("broken-routes.yaml:9:").contains("too"));
    }

    @Test
    void aStepMissingItsEndpointIsReported(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("incomplete-routes.yaml");
        Files.writeString(file, """
                - route:
                    id: incomplete
                    from:
                      uri: direct:incomplete
                      steps:
                        - to:
                            id: incomplete-to
                """);

        assertThat(schema.problems(file)).anySatisfy(problem -> assertThat(problem).startsWith("incomplete-routes.yaml:7:").contains("uri"));
    }

    @Test
    void anOptionOfTheWrongTypeIsReported(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("typo-routes.yaml");
        Files.writeString(file, """
                - route:
                    id: typo
                    from:
                      uri: direct:typo
                      steps:
                        - loop:
                            id: typo-loop
                            copy: sometimes
                            constant: "3"
                            steps:
                              - to:
                                  id: typo-to
                                  uri: log:x
                """);

        assertThat(schema.problems(file)).isNotEmpty();
    }
}
