package com.smplat.providerautomation.api;

import com.smplat.providerautomation.support.ServiceException;
import org.springframework.stereotype.Component;

/**
 * Validation of query and path values, called from the REST routes before any lookup. A bad value is a 422
 * whose detail names the parameter.
 */
@Component("apiParams")
public class ApiParams {

    /** An optional integer query value within {@code min..max}; {@code fallback} when absent. */
    public int intInRange(Object raw, String name, int fallback, int min, int max) {
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
    public String uuid(Object raw, String name) {
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
