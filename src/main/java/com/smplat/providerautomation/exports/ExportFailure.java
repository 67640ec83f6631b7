package com.smplat.providerautomation.exports;

/**
 * A failed export run with its category (exports.md 3.9, 3.11): {@code config} ends a command with exit 2, every
 * other category with exit 1. The message is fit to show: it never carries a URL, token or secret.
 */
public class ExportFailure extends RuntimeException {
    public static final String CONFIG = "config";
    public static final String CHECKPOINT_DOWNLOAD = "checkpoint-download";
    public static final String SOURCE = "source";
    public static final String SINK = "sink";
    public static final String CHECKPOINT_UPLOAD = "checkpoint-upload";
    public static final String CURSOR_WRITE = "cursor-write";

    private final String category;

    public ExportFailure(String category, String message) {
        super(message, null, false, false);
        this.category = category;
    }

    public static ExportFailure config(String message) {
        return new ExportFailure(CONFIG, message);
    }

    public String category() {
        return category;
    }
}
