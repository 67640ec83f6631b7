package com.smplat.providerautomation.support;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Atomic file replacement (exports.md 1.4): content goes to {@code <name>.partial}, is fsynced, then renamed over
 * the final name. A final-named file is always a complete old or complete new version.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    public static Path partialOf(Path target) {
        return target.resolveSibling(target.getFileName() + ".partial");
    }

    /** Writes {@code content} to {@code target} atomically, creating parent directories. */
    public static void write(Path target, byte[] content) throws IOException {
        Path partial = partialOf(target);
        createParents(target);
        try {
            try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            commit(partial, target);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
    }

    /** Opens {@code <target>.partial} for streaming writes; {@link #commit} or {@link #discard} finishes it. */
    public static OutputStream openPartial(Path target) throws IOException {
        createParents(target);
        return Files.newOutputStream(partialOf(target), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
    }

    /** Fsyncs {@code partial} and renames it over {@code target}. */
    public static void commit(Path partial, Path target) throws IOException {
        try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        try {
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    public static void discard(Path target) {
        try {
            Files.deleteIfExists(partialOf(target));
        } catch (IOException ignored) {
            // a leftover .partial is ignored by consumers (exports.md 1.4)
        }
    }

    private static void createParents(Path target) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }
}
