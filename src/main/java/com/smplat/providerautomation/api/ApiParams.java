package com.smplat.providerautomation.api;

import com.smplat.providerautomation.support.ServiceException;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Validation of query and path values, called from the REST routes before any lookup. A bad value is a 422
 * whose detail names the parameter. The routes pass the headers and the value's name, never the value itself
 * ({@code ${header.limit}}): Camel's bean binding reads a parameter whose text is {@code null} as Java null, and
 * strips quotes around one, so {@code ?limit=null} would pass as absent.
 */
@Component("apiParams")
public class ApiParams {

    /** An optional integer query value within {@code min..max}; {@code fallback} when absent. */
    public int intInRange(Map<String, Object> headers, String name, int fallback, int min, int max) {
        Object raw = headers.get(name);
        if (raw == null || raw.toString().isEmpty()) {
            return fallback;
        }
        int value;
        try {
            value = Integer.parseInt(raw.toString().strip());
        } catch (NumberFormatException e) {
            throw ServiceException.invalid(name + " must be an integer between " + min + " and " + max);
        }
        if (value < min || value > max) {
            throw ServiceException.invalid(name + " must be an integer between " + min + " and " + max);
        }
        return value;
    }

    /** A required UUID path value, in canonical lower-case form. */
    public String uuid(Map<String, Object> headers, String name) {
        Object raw = headers.get(name);
        try {
            String text = raw == null ? "" : raw.toString().strip();
            if (text.length() != 36) {
                throw new IllegalArgumentException();
            }
            return java.util.UUID.fromString(text).toString();
        } catch (IllegalArgumentException e) {
            throw ServiceException.invalid(name + " must be a UUID");
        }
    }
}
