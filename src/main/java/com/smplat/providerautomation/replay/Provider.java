package com.smplat.providerautomation.replay;

import com.fasterxml.jackson.databind.JsonNode;

/** A {@code fulfillment_providers} row, as far as provider calls need it. */
public record Provider(String id, String name, JsonNode metadata) {
}
