package com.smplat.providerautomation.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.smplat.providerautomation.support.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Admin deep links (alerts.md 6.5) and the load alert fingerprint (AL-DEDUP-1). Encoding is done by hand: the
 * JDK form encoder keeps {@code *} and encodes {@code ~}, the opposite of what ENC asks for.
 */
public final class LoadAlertLinks {
    /** The link keys of a load alert, in digest order (6.7). */
    public static final List<String> KEYS = List.of("merchandising", "fulfillment", "orders");

    private static final String UNRESERVED = "-_.~";
    /** RFC 3986 pchar beyond the unreserved characters: sub-delims, ':' and '@'. */
    private static final String SEGMENT_EXTRA = "!$&'()*+,;=:@";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private LoadAlertLinks() {
    }

    /** ENC: form encoding of the UTF-8 bytes; space is {@code +}, {@code *} is {@code %2A}, {@code ~} stays. */
    public static String formEncode(String value) {
        return encode(value, "", true);
    }

    /** An RFC 3986 path segment (AL-LINK-3): {@code prov a/b} is {@code prov%20a%2Fb}. */
    public static String pathSegment(String value) {
        return encode(value, SEGMENT_EXTRA, false);
    }

    private static String encode(String value, String alsoKept, boolean spaceAsPlus) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || UNRESERVED.indexOf(c) >= 0 || alsoKept.indexOf(c) >= 0) {
                out.append(c);
            } else if (c == ' ' && spaceAsPlus) {
                out.append('+');
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }

    /** AL-LINK-1: the relative links; each only when its identifier is non-empty (null counts as empty). */
    public static ObjectNode relativeLinks(String presetId, String providerId) {
        boolean preset = presetId != null && !presetId.isEmpty();
        boolean provider = providerId != null && !providerId.isEmpty();
        ObjectNode links = Json.MAPPER.createObjectNode();
        if (preset) {
            links.put("merchandising", "/admin/merchandising?presetId=" + formEncode(presetId));
        }
        if (provider) {
            links.put("fulfillment", "/admin/fulfillment/providers?providerId=" + formEncode(providerId));
        }
        if (preset || provider) {
            String query = (preset ? "presetId=" + formEncode(presetId) : "")
                    + (preset && provider ? "&" : "")
                    + (provider ? "providerId=" + formEncode(providerId) : "");
            links.put("orders", "/admin/orders?" + query);
        }
        return links;
    }

    /**
     * AL-LINK-2: keeps each supplied non-blank string link (trimmed), rebuilds a missing one from the trimmed ids,
     * and makes every link absolute. Keys in {@link #KEYS} order; empty when no link remains.
     */
    public static ObjectNode absoluteLinks(JsonNode supplied, String presetId, String providerId, String frontendUrl) {
        ObjectNode rebuilt = relativeLinks(presetId == null ? null : presetId.strip(), providerId == null ? null : providerId.strip());
        ObjectNode links = Json.MAPPER.createObjectNode();
        for (String key : KEYS) {
            JsonNode given = supplied == null ? null : supplied.get(key);
            String link = given != null && given.isTextual() && !given.asText().isBlank()
                    ? given.asText().strip()
                    : rebuilt.path(key).asText("");
            if (!link.isEmpty()) {
                links.put(key, absolute(link, frontendUrl));
            }
        }
        return links;
    }

    /**
     * The 6.7 digest entry of a 6.4 load alert object: a copy whose {@code links} are the absolute links of
     * AL-LINK-2, or without {@code links} when none remains ({@code links} is the last key, so order holds).
     */
    public static ObjectNode digest(ObjectNode loadAlert, String frontendUrl) {
        ObjectNode digest = loadAlert.deepCopy();
        JsonNode supplied = digest.remove("links");
        ObjectNode links = absoluteLinks(supplied, textOrNull(digest.get("presetId")), textOrNull(digest.get("providerId")), frontendUrl);
        if (!links.isEmpty()) {
            digest.set("links", links);
        }
        return digest;
    }

    /**
     * AL-LINK-2 step 3: an http(s) link is kept; anything else goes under the base, whose path prefix is kept.
     * An empty base leaves the link root-relative. All leading slashes go, so {@code //host} cannot leave the site.
     */
    public static String absolute(String link, String frontendUrl) {
        String lower = link.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            return link;
        }
        return base(frontendUrl) + "/" + link.replaceFirst("^/+", "");
    }

    /** AL-LINK-3: the provider's automation tab; root-relative when the base is empty (callers decide to omit it). */
    public static String automationTab(String frontendUrl, String providerId) {
        return base(frontendUrl) + "/admin/fulfillment/providers/" + pathSegment(providerId) + "?tab=automation";
    }

    /** AL-LINK-4: the conversion dashboard; {@code cursor} may be null (alert runs never supply one). */
    public static String conversionDashboard(String frontendUrl, String cursor) {
        String query = cursor == null ? "" : "?conversionCursor=" + formEncode(cursor);
        return base(frontendUrl) + "/admin/reports" + query + "#experiment-analytics";
    }

    /** AL-DEDUP-1: {@code load|{presetId}|{providerId}|{serviceId}}. */
    public static String fingerprint(String presetId, String providerId, String serviceId) {
        return "load|" + presetId + "|" + providerId + "|" + serviceId;
    }

    /** The fingerprint of a load alert object or digest entry. */
    public static String fingerprint(JsonNode loadAlert) {
        return fingerprint(loadAlert.path("presetId").asText(), loadAlert.path("providerId").asText(),
                loadAlert.path("serviceId").asText());
    }

    /** FRONTEND_URL without surrounding whitespace and trailing slashes; may be empty. */
    static String base(String frontendUrl) {
        return frontendUrl == null ? "" : frontendUrl.strip().replaceFirst("/+$", "");
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
