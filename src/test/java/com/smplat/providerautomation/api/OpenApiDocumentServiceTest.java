package com.smplat.providerautomation.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.smplat.providerautomation.ApiClient;
import com.smplat.providerautomation.ApiClient.Reply;
import com.smplat.providerautomation.OpenApiContract;
import com.smplat.providerautomation.ServiceTest;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The OpenAPI lint of CI: {@code GET /api-doc} of the running service, validated by swagger-parser (any message
 * fails), then checked for the completeness that a valid document can still lack.
 */
@ServiceTest
class OpenApiDocumentServiceTest {
    @LocalServerPort
    int port;

    Reply served;
    OpenAPI document;

    @BeforeEach
    void fetch() throws Exception {
        served = new ApiClient(port).send(new ApiClient(port).request("/api-doc").GET());
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/api-doc.json"), served.body());
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(served.body(), null, options);
        assertThat(result.getMessages()).as("swagger-parser messages").isEmpty();
        document = result.getOpenAPI();
    }

    @Test
    void theDocumentIsValidOpenApi3WithARelativeServer() {
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.raw().headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(document.getOpenapi()).startsWith("3.0");
        assertThat(document.getServers()).singleElement().satisfies(server -> assertThat(server.getUrl()).isEqualTo("/"));
        assertThat(document.getComponents().getSecuritySchemes()).containsOnlyKeys("operatorKey", "operatorBearer", "exportTriggerToken");
    }

    @Test
    void everyOperationDeclaresItsAnswersWithSchemasAndEveryErrorIsADetail() {
        List<String> problems = new ArrayList<>();
        eachOperation((name, operation) -> {
            assertThat(operation.getOperationId()).as(name).isNotBlank();
            assertThat(operation.getSummary()).as(name).isNotBlank();
            Map<String, ApiResponse> responses = operation.getResponses();
            if (responses.keySet().stream().noneMatch(code -> code.startsWith("2"))) {
                problems.add(name + ": no success answer");
            }
            responses.forEach((code, response) -> {
                if (response.getContent() == null || response.getContent().values().stream().anyMatch(media -> media.getSchema() == null)) {
                    problems.add(name + " " + code + ": no schema");
                } else if (code.startsWith("4")) {
                    var media = response.getContent().get("application/json");
                    if (media == null || !"#/components/schemas/ErrorBody".equals(media.getSchema().get$ref())) {
                        problems.add(name + " " + code + ": not an ErrorBody");
                    }
                }
            });
            for (String filterAnswer : List.of("413", "415", "500")) {
                if (!responses.containsKey(filterAnswer)) {
                    problems.add(name + ": no " + filterAnswer);
                }
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void everyApiOperationNamesItsCredentialsAndAnswers401() {
        eachOperation((name, operation) -> {
            if (name.contains(" /api/")) {
                assertThat(operation.getSecurity()).as(name).isNotEmpty();
                assertThat(operation.getResponses()).as(name).containsKey("401");
            } else {
                assertThat(operation.getSecurity()).as(name).isEmpty();
            }
        });
    }

    @Test
    void everyIntegerParameterHasItsRangeAndEveryIdentifierItsFormat() {
        eachOperation((name, operation) -> {
            for (Parameter parameter : operation.getParameters() == null ? List.<Parameter>of() : operation.getParameters()) {
                String label = name + " " + parameter.getName();
                if ("integer".equals(parameter.getSchema().getType())) {
                    assertThat(parameter.getSchema().getMinimum()).as(label).isNotNull();
                    assertThat(parameter.getSchema().getMaximum()).as(label).isNotNull();
                }
                if (parameter.getName().equals("orderId") || parameter.getName().endsWith("OrderId") || parameter.getName().equals("runId")) {
                    assertThat(parameter.getSchema().getFormat()).as(label).isEqualTo("uuid");
                }
            }
            if (operation.getRequestBody() != null) {
                assertThat(operation.getRequestBody().getContent()).as(name).containsKey("application/json");
            }
        });
        Operation replay = document.getPaths().get("/api/v1/fulfillment/providers/{providerId}/orders/{providerOrderId}/replay").getPost();
        assertThat(replay.getParameters()).anySatisfy(parameter -> {
            assertThat(parameter.getName()).isEqualTo("Idempotency-Key");
            assertThat(parameter.getIn()).isEqualTo("header");
            assertThat(parameter.getSchema().getMaxLength()).isEqualTo(255);
        });
        assertThat(replay.getRequestBody().getRequired()).isTrue();
        assertThat(document.getPaths().get("/api/v1/reporting/guardrails/followups/export/download").getGet()
                .getResponses().get("200").getContent()).containsOnlyKeys("application/x-ndjson");
    }

    @Test
    void theTestClientRefusesAnswersThatContradictTheDocument() {
        OpenApiContract contract = OpenApiContract.of("http://127.0.0.1:" + port);
        String status = "/api/v1/fulfillment/providers/automation/status";
        assertThat(contract.violations("GET", status, 200, "application/json", "{\"replay\": null, \"alerts\": null}")).isEmpty();
        assertThat(contract.violations("GET", status, 418, "application/json", "{\"detail\": \"x\"}")).singleElement()
                .asString().contains("does not declare status 418");
        assertThat(contract.violations("GET", status, 200, "application/json", "{\"replay\": 5}"))
                .contains("$: required member 'alerts' is missing", "$.replay: expected an object, got number 5");
        assertThat(contract.violations("GET", status, 401, "text/html", "<html>")).isNotEmpty();
        assertThat(contract.violations("GET", status, 422, "application/json", "{\"error\": \"x\"}")).isNotEmpty();
        assertThat(contract.violations("DELETE", status, 405, "application/json", "{\"detail\": \"x\"}")).isEmpty();
        assertThat(contract.violations("GET", "/api/v1/nothing", 200, "application/json", "{}")).isNotEmpty();
        assertThat(contract.violations("GET", "/api/v1/fulfillment/providers/orders/by-order/" + java.util.UUID.randomUUID(), 200,
                "application/json", "[{\"id\": \"not-a-uuid\"}]")).anySatisfy(problem -> assertThat(problem).contains("not a uuid"));
    }

    private void eachOperation(BiConsumer<String, Operation> check) {
        document.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, operation) -> check.accept(method + " " + path, operation)));
    }
}
