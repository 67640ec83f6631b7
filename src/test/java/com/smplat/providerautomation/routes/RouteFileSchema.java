package com.smplat.providerautomation.routes;

import com.fasterxml.jackson.core.JsonLocation;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.serialization.JsonNodeReader;
import com.networknt.schema.utils.JsonNodes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Camel YAML DSL's own JSON schema ({@code schema/camelYamlDsl.json} inside camel-yaml-dsl, the one the
 * IDE plugins use), applied to a route file. Problems come back as {@code file:line:column: message}, so a broken
 * edit names the line that is wrong.
 */
final class RouteFileSchema {

    private final JsonSchema schema;

    RouteFileSchema() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4,
                builder -> builder.jsonNodeReader(JsonNodeReader.builder().locationAware().build()));
        schema = factory.getSchema(SchemaLocation.of("classpath:schema/camelYamlDsl.json"));
    }

    /** Every problem of the file, first line first; empty when the file follows the schema. */
    List<String> problems(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Set<ValidationMessage> messages = schema.validate(text, InputFormat.YAML);
        Map<String, Long> requiredPerPlace = messages.stream().filter(RouteFileSchema::isRequired)
                .collect(Collectors.groupingBy(message -> message.getInstanceLocation().toString(), Collectors.counting()));
        return messages.stream()
                // a step that matches none of its forms yields one "required property" per expression language: noise
                .filter(message -> !isRequired(message) || requiredPerPlace.get(message.getInstanceLocation().toString()) <= 2)
                .sorted(Comparator.comparingInt(RouteFileSchema::line))
                .map(message -> describe(file, message))
                .distinct()
                .toList();
    }

    private static String describe(Path file, ValidationMessage message) {
        JsonLocation location = JsonNodes.tokenLocationOf(message.getInstanceNode());
        int line = location == null ? 0 : location.getLineNr();
        int column = location == null ? 0 : location.getColumnNr();
        return file.getFileName() + ":" + line + ":" + column + ": " + message.getMessage();
    }

    private static boolean isRequired(ValidationMessage message) {
        return "required".equals(message.getType());
    }

    private static int line(ValidationMessage message) {
        JsonLocation location = JsonNodes.tokenLocationOf(message.getInstanceNode());
        return location == null ? 0 : location.getLineNr();
    }
}
