package com.smplat.providerautomation.api.document;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.servers.Server;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.openapi.BeanConfig;
import org.apache.camel.openapi.OpenApiHelper;
import org.apache.camel.openapi.RestOpenApiReader;
import org.apache.camel.openapi.RestOpenApiSupport;
import org.apache.camel.spi.RestApiProcessorFactory;
import org.apache.camel.spi.RestConfiguration;
import org.springframework.stereotype.Component;

/**
 * Serves {@code GET /api-doc}: camel-openapi-java's reader turns the REST DSL ({@code routes/*-api.yaml}) into the
 * OpenAPI model, and this class completes what the DSL cannot say before it is written as JSON. Camel uses it
 * instead of its own api processor because it is the one {@link RestApiProcessorFactory} in the registry.
 * <ul>
 *   <li>The server is {@code /}: clients resolve paths against wherever they fetched the document (Camel can only
 *       write {@code scheme://host}, and it knows neither the port nor a proxy's address).</li>
 *   <li>A parameter example keyed {@code minimum}, {@code maximum} or {@code maxLength} becomes that keyword of
 *       the parameter's schema (the DSL has no range), and a default is typed like its schema.</li>
 *   <li>Every 4xx and 5xx answer is {@code application/json}, {@link ErrorBody} unless the DSL named another model
 *       (the DSL writes every response in the operation's {@code produces}, NDJSON for the download).</li>
 *   <li>The answers given in front of every route: 400 (Tomcat itself, {@code JsonErrorReportValve}), 413, 415
 *       and, for a body that is not UTF-8, 422 ({@code JsonContentFilter}; the JSON binding reads a GET's body
 *       too, so a malformed one is a 422 everywhere), 401 on operations that declare
 *       security ({@code ApiKeyFilter}, or the trigger token), 500 (the error handler). An operation without
 *       credentials (the sandbox) says so with an empty {@code security} list.</li>
 * </ul>
 */
@Component
public class OpenApiDocument implements RestApiProcessorFactory {
    /** A member that may hold any JSON value (the DSL's models can only say "object"). */
    public static final String ANY_VALUE = "#/components/schemas/AnyValue";
    private static final String ERROR_SCHEMA = "#/components/schemas/ErrorBody";
    private static final List<String> RANGE_KEYWORDS = List.of("minimum", "maximum", "maxLength");
    private static final Map<String, String> FILTER_ANSWERS = Map.of(
            "400", "A request the HTTP server refuses itself (malformed request line, header too large, encoded NUL or slash in the path).",
            "413", "Request body over 1 MiB.",
            "415", "Content-Type is not JSON (application/json, *+json) or text/plain.",
            "500", "Unexpected failure; the detail carries only a reference id.");

    @Override
    public Processor createApiProcessor(CamelContext camelContext, String contextPath, RestConfiguration configuration,
                                        Map<String, Object> parameters) {
        Map<String, Object> options = new HashMap<>(parameters);
        if (configuration.getApiProperties() != null) {
            options.putAll(configuration.getApiProperties());
        }
        return new Processor() {
            private volatile byte[] document;

            @Override
            public void process(Exchange exchange) throws Exception {
                if (document == null) {
                    document = render(camelContext, options);
                }
                exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
                exchange.getMessage().setBody(document);
            }
        };
    }

    static byte[] render(CamelContext camelContext, Map<String, Object> options) throws Exception {
        RestOpenApiSupport support = new RestOpenApiSupport();
        BeanConfig config = new BeanConfig();
        support.initOpenApi(config, options);
        OpenAPI api = new RestOpenApiReader().read(camelContext, support.getRestDefinitions(camelContext), config,
                camelContext.getName(), camelContext.getClassResolver());
        OpenApiHelper.clearVendorExtensions(api);
        complete(api);
        return RestOpenApiSupport.getFromOpenAPI(api, config, byte[].class, true);
    }

    static void complete(OpenAPI api) {
        api.setServers(List.of(new Server().url("/").description("Where this document was fetched from")));
        // camel-openapi-java names models by class name; these two are named as the operations refer to them
        api.getComponents().addSchemas("ErrorBody", ModelConverters.getInstance().read(ErrorBody.class).values().iterator().next());
        api.getComponents().addSchemas("AnyValue", new Schema<>().description("Any JSON value, null included."));
        api.getComponents().getSchemas().values().forEach(OpenApiDocument::clearExtensions);
        nullableReferences(api.getComponents().getSchemas());
        api.getPaths().values().forEach(path -> path.readOperations().forEach(OpenApiDocument::complete));
    }

    /**
     * swagger-core writes a nullable member of a model type as a bare {@code $ref}, where OpenAPI 3.0 ignores
     * {@code nullable}; such a member becomes {@code type: object, nullable: true, allOf: [$ref]}. The models are the records of
     * this package and the records nested in them, named by their simple name.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void nullableReferences(Map<String, Schema> models) {
        Map<String, Class<?>> classes = new HashMap<>();
        models.keySet().forEach(name -> {
            try {
                Class<?> type = Class.forName(OpenApiDocument.class.getPackageName() + "." + name);
                classes.put(name, type);
                for (Class<?> nested : type.getDeclaredClasses()) {
                    classes.put(nested.getSimpleName(), nested);
                }
            } catch (ClassNotFoundException e) {
                // a nested record, found through its enclosing one
            }
        });
        classes.forEach((name, type) -> {
            Schema model = models.get(name);
            for (Field field : type.getDeclaredFields()) {
                var annotation = field.getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class);
                Schema member = model == null || model.getProperties() == null ? null : (Schema) model.getProperties().get(field.getName());
                if (annotation != null && annotation.nullable() && member != null && member.get$ref() != null) {
                    model.getProperties().put(field.getName(), new Schema<>().type("object").nullable(true).allOf(List.of(member)));
                }
            }
        });
    }

    /** Camel clears its x-className extensions on the models only, not on their members. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void clearExtensions(Schema schema) {
        if (schema == null) {
            return;
        }
        schema.setExtensions(null);
        if (schema.getOneOf() != null || schema.getAnyOf() != null) {
            // swagger-core types an interface "object" even when its alternatives are numbers or strings
            schema.setType(null);
        }
        if (schema.getProperties() != null) {
            ((Map<String, Schema>) schema.getProperties()).values().forEach(OpenApiDocument::clearExtensions);
        }
        clearExtensions(schema.getItems());
        if (schema.getAdditionalProperties() instanceof Schema additional) {
            clearExtensions(additional);
        }
        for (List<Schema> composed : new List[] {schema.getOneOf(), schema.getAnyOf(), schema.getAllOf()}) {
            if (composed != null) {
                composed.forEach(OpenApiDocument::clearExtensions);
            }
        }
    }

    private static void complete(Operation operation) {
        if (operation.getParameters() != null) {
            operation.getParameters().forEach(OpenApiDocument::applyRange);
        }
        ApiResponses responses = operation.getResponses();
        responses.remove(ApiResponses.DEFAULT);
        FILTER_ANSWERS.forEach((code, description) -> responses.putIfAbsent(code, new ApiResponse().description(description)));
        responses.putIfAbsent("422", new ApiResponse().description("The request body is not valid UTF-8 or not the JSON this operation reads."));
        if (operation.getSecurity() == null) {
            // open on purpose (the sandbox); the DSL cannot write an empty list
            operation.setSecurity(List.of());
        } else {
            responses.putIfAbsent("401", new ApiResponse().description("Missing or wrong credentials."));
        }
        responses.forEach((code, response) -> {
            if (code.charAt(0) == '4' || code.charAt(0) == '5') {
                response.setContent(new Content().addMediaType("application/json", new MediaType().schema(errorSchema(response))));
            }
        });
        ApiResponses sorted = new ApiResponses();
        new TreeMap<>(responses).forEach(sorted::addApiResponse);
        operation.setResponses(sorted);
    }

    /** The model the DSL declared for an error answer, whatever media type it was written under; else ErrorBody. */
    @SuppressWarnings("rawtypes")
    private static Schema errorSchema(ApiResponse response) {
        if (response.getContent() != null) {
            for (MediaType declared : response.getContent().values()) {
                if (declared.getSchema() != null && declared.getSchema().get$ref() != null) {
                    return declared.getSchema();
                }
            }
        }
        return new Schema<>().$ref(ERROR_SCHEMA);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void applyRange(Parameter parameter) {
        Schema schema = parameter.getSchema();
        boolean integer = "integer".equals(schema.getType());
        if (parameter.getExamples() != null) {
            RANGE_KEYWORDS.forEach(keyword -> {
                var example = parameter.getExamples().remove(keyword);
                if (example != null) {
                    BigDecimal value = new BigDecimal(example.getValue().toString());
                    switch (keyword) {
                        case "minimum" -> schema.setMinimum(value);
                        case "maximum" -> schema.setMaximum(value);
                        default -> schema.setMaxLength(value.intValueExact());
                    }
                }
            });
            if (parameter.getExamples().isEmpty()) {
                parameter.setExamples(null);
            }
        }
        if (integer && schema.getDefault() != null) {
            schema.setDefault(Integer.valueOf(schema.getDefault().toString()));
        }
    }
}
