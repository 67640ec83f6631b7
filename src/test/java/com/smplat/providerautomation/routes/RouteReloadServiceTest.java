package com.smplat.providerautomation.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.smplat.providerautomation.Application;
import com.smplat.providerautomation.FreshEmbeddedDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * In development the service watches its routes folder: a route file saved while it runs replaces that file's
 * routes, and the other files' routes keep running. The service runs on a copy of routes/, so the test can edit it.
 */
@CamelSpringBootTest
@SpringBootTest(classes = Application.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "ENVIRONMENT=development",
            "ROUTES_DIR=" + RouteReloadServiceTest.ROUTES_COPY,
            "EMBEDDED_POSTGRES_DIR=target/test-postgres/route-reload"
        })
@ContextConfiguration(initializers = FreshEmbeddedDatabase.class)
class RouteReloadServiceTest {

    static final String ROUTES_COPY = "target/test-routes/reload";

    static {
        copyRoutesFolder(Path.of("routes"), Path.of(ROUTES_COPY));
    }

    @Autowired
    CamelContext camel;

    @Autowired
    ProducerTemplate producer;

    @Test
    void aRouteFileSavedWhileTheServiceRunsTakesEffectWithoutARestart() throws IOException {
        int routesBefore = camel.getRoutes().size();
        Path file = Path.of(ROUTES_COPY, "reload-probe-routes.yaml");

        Files.writeString(file, probeRoute("first version"));
        await().atMost(Duration.ofSeconds(20)).until(() -> camel.getRoute("reload-probe") != null);
        assertThat(producer.requestBody("direct:reload-probe", "", String.class)).isEqualTo("first version");

        Files.writeString(file, probeRoute("second version"));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> "second version".equals(producer.requestBody("direct:reload-probe", "", String.class)));

        assertThat(camel.getRoutes()).as("the other files' routes keep running").hasSize(routesBefore + 1);
        assertThat(camel.getRoute("seed-demo")).isNotNull();
    }

    private static String probeRoute(String answer) {
        return """
                - route:
                    id: reload-probe
                    from:
                      uri: direct:reload-probe
                      steps:
                        - setBody:
                            id: reload-probe-answer
                            constant: "%s"
                """.formatted(answer);
    }

    private static void copyRoutesFolder(Path from, Path to) {
        FreshEmbeddedDatabase.deleteRecursively(to);
        try (Stream<Path> files = Files.list(from)) {
            Files.createDirectories(to);
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
