package com.smplat.providerautomation.support;

/**
 * A failure the caller should see as such, with a message fit to show: bad input, a missing resource, a
 * rejected operation or a conflict. The REST layer maps the kind to a status code; commands print the message.
 */
public class ServiceException extends RuntimeException {

    public enum Kind { INVALID, NOT_FOUND, REJECTED, CONFLICT, UNAVAILABLE, UNAUTHORIZED }

    private final Kind kind;
    private final java.util.Map<String, Object> extra;

    public ServiceException(Kind kind, String message) {
        this(kind, message, java.util.Map.of());
    }

    /** With members shown next to {@code detail} in the error body (for example the {@code runId} of a 409). */
    public ServiceException(Kind kind, String message, java.util.Map<String, Object> extra) {
        super(message, null, false, false);
        this.kind = kind;
        this.extra = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(extra));
    }

    public java.util.Map<String, Object> extra() {
        return extra;
    }

    public static ServiceException invalid(String message) {
        return new ServiceException(Kind.INVALID, message);
    }

    public static ServiceException notFound(String message) {
        return new ServiceException(Kind.NOT_FOUND, message);
    }

    public static ServiceException rejected(String message) {
        return new ServiceException(Kind.REJECTED, message);
    }

    public Kind kind() {
        return kind;
    }
}
