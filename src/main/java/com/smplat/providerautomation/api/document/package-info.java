/**
 * The shapes of the REST API's request and response bodies, for the OpenAPI document only. The routes' bodies are
 * JSON trees built by the beans, so the REST DSL names these records as {@code type} and {@code responseModel}
 * (camel-openapi-java reads their annotations); no code creates or binds them. {@link OpenApiDocument} completes
 * what the REST DSL cannot say.
 */
package com.smplat.providerautomation.api.document;
