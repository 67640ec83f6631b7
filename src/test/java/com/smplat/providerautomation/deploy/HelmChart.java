package com.smplat.providerautomation.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The chart under {@code deploy/helm/provider-automation}, linted and rendered by the real Helm (helm-java runs
 * Helm's Go code as a native library, offline), its output split into documents.
 */
final class HelmChart {
    static final Path DIRECTORY = Path.of("deploy/helm/provider-automation");
    static final String RELEASE = "provider-automation";
    static final String NAMESPACE = "automation";
    static final List<String> VALUES_FILES = List.of("values-staging.yaml", "values-production.yaml");
    /** The defaults alone (null), then each values file. */
    static final List<String> DEFAULTS_AND_VALUES_FILES = defaultsAndValuesFiles();

    static final YAMLMapper YAML = new YAMLMapper();
    /** Into the fabric8 model: a field it does not know lands in additionalProperties, which SchemaCheck refuses. */
    static final ObjectMapper MODEL = JsonMapper.builder().build();

    private HelmChart() {
    }

    private static List<String> defaultsAndValuesFiles() {
        List<String> files = new ArrayList<>();
        files.add(null);
        files.addAll(VALUES_FILES);
        return files;
    }

    static LintResult lint() {
        return new Helm(DIRECTORY).lint().strict().call();
    }

    /** Renders with an optional values file of the chart and {@code --set} pairs. */
    static Manifests render(String valuesFile, Map<String, Object> sets) {
        TemplateCommand template = new Helm(DIRECTORY).template().withName(RELEASE).withNamespace(NAMESPACE);
        if (valuesFile != null) {
            template = template.withValuesFile(DIRECTORY.resolve(valuesFile));
        }
        for (Map.Entry<String, Object> set : sets.entrySet()) {
            template = template.set(set.getKey(), set.getValue());
        }
        return Manifests.parse(template.call());
    }

    static Manifests render(String valuesFile) {
        return render(valuesFile, Map.of());
    }

    /** The chart's values.yaml, merged under a values file when one is given (maps merged, lists replaced). */
    static JsonNode values(String valuesFile) {
        JsonNode defaults = read(DIRECTORY.resolve("values.yaml"));
        if (valuesFile == null) {
            return defaults;
        }
        try {
            return YAML.readerForUpdating(defaults).readValue(DIRECTORY.resolve(valuesFile).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode read(Path yaml) {
        try {
            return YAML.readTree(yaml.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every rendered document as a tree, in order; typed views through the fabric8 model. */
    record Manifests(String text, List<JsonNode> documents) {
        static Manifests parse(String text) {
            List<JsonNode> documents = new ArrayList<>();
            try (var parser = new YAMLFactory().createParser(text)) {
                for (var it = YAML.readValues(parser, JsonNode.class); it.hasNext(); ) {
                    JsonNode document = it.next();
                    if (document != null && !document.isNull() && !document.isEmpty()) {
                        documents.add(document);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Manifests(text, documents);
        }

        List<JsonNode> ofKind(String kind) {
            return documents.stream().filter(d -> kind.equals(d.path("kind").asText())).toList();
        }

        <T> List<T> ofKind(String kind, Class<T> type) {
            return ofKind(kind).stream().map(d -> MODEL.convertValue(d, type)).toList();
        }

        <T> T one(String kind, Class<T> type) {
            List<T> all = ofKind(kind, type);
            if (all.size() != 1) {
                throw new AssertionError("expected one " + kind + ", rendered " + all.size());
            }
            return all.get(0);
        }
    }
}
