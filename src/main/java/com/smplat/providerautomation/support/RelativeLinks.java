package com.smplat.providerautomation.support;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The relative admin deep links of a load alert (alerts.md AL-LINK-1) and their value encoding ENC (6.5). Alert runs
 * make these absolute against {@code FRONTEND_URL} (AL-LINK-2); the blueprint report serves them as they are.
 * It lives in {@code support} because both {@code alerts} and {@code reporting} use it and must not form a cycle.
 */
public final class RelativeLinks {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private RelativeLinks() {
    }

    /**
     * ENC: form encoding of the UTF-8 bytes, keeping {@code A-Z a-z 0-9 - _ . ~}, space as {@code +}, every other
     * byte as upper-case {@code %XX}. Not {@link java.net.URLEncoder}: it keeps {@code *} and encodes {@code ~}.
     */
    public static String enc(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~') {
                out.append(c);
            } else if (c == ' ') {
                out.append('+');
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }

    /**
     * {@code merchandising}, {@code fulfillment} and {@code orders}, in that order; each only when its identifier is
     * non-empty, and {@code orders} with only the parameters present.
     */
    public static Map<String, String> loadAlert(String presetId, String providerId) {
        boolean preset = presetId != null && !presetId.isEmpty();
        boolean provider = providerId != null && !providerId.isEmpty();
        Map<String, String> links = new LinkedHashMap<>();
        if (preset) {
            links.put("merchandising", "/admin/merchandising?presetId=" + enc(presetId));
        }
        if (provider) {
            links.put("fulfillment", "/admin/fulfillment/providers?providerId=" + enc(providerId));
        }
        if (preset || provider) {
            String query = (preset ? "presetId=" + enc(presetId) : "")
                    + (preset && provider ? "&" : "")
                    + (provider ? "providerId=" + enc(providerId) : "");
            links.put("orders", "/admin/orders?" + query);
        }
        return links;
    }
}
