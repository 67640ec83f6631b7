package com.smplat.providerautomation.exports;

import com.smplat.providerautomation.support.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/** Where a GF run keeps its cursor (exports.md 3.7; {@code db} is the contract's resolution 6). */
public interface CursorStore {

    /** The stored cursor; a {@code config} failure when it exists but cannot be used. */
    Optional<CursorState> read();

    /** Replaces the stored cursor atomically. */
    void write(CursorState state) throws IOException;

    /** What is uploaded as the S3 checkpoint: the stored cursor file's bytes, or empty. */
    default Optional<byte[]> checkpointBytes() {
        return read().map(CursorState::toFileBytes);
    }

    /** Replaces the stored cursor with a downloaded checkpoint that has been checked. */
    void restore(byte[] checkedContent, CursorState parsed) throws IOException;

    static CursorStore none() {
        return new CursorStore() {
            @Override
            public Optional<CursorState> read() {
                return Optional.empty();
            }

            @Override
            public void write(CursorState state) {
                // no store: the run logs its final position instead
            }

            @Override
            public void restore(byte[] checkedContent, CursorState parsed) {
                // no store
            }
        };
    }

    /** The cursor file at {@code path}, read in every accepted form and written pretty and atomically. */
    record FileStore(Path path) implements CursorStore {
        @Override
        public Optional<CursorState> read() {
            try {
                return Optional.of(CursorState.parse(Files.readAllBytes(path), "the cursor file"));
            } catch (NoSuchFileException e) {
                return Optional.empty();
            } catch (IOException e) {
                throw ExportFailure.config("the cursor file cannot be read (" + e.getClass().getSimpleName() + ")");
            }
        }

        @Override
        public void write(CursorState state) throws IOException {
            AtomicFiles.write(path, state.toFileBytes());
        }

        @Override
        public Optional<byte[]> checkpointBytes() {
            try {
                return Optional.of(Files.readAllBytes(path));
            } catch (NoSuchFileException e) {
                return Optional.empty();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void restore(byte[] checkedContent, CursorState parsed) throws IOException {
            AtomicFiles.write(path, checkedContent);
        }
    }

    /** The cursor row of a pipeline and provider scope in {@code export_cursors}. */
    record DbStore(ExportStateRepository repository, String pipeline, String scope) implements CursorStore {
        @Override
        public Optional<CursorState> read() {
            return repository.cursor(pipeline, scope);
        }

        @Override
        public void write(CursorState state) {
            repository.saveCursor(pipeline, scope, state);
        }

        @Override
        public void restore(byte[] checkedContent, CursorState parsed) {
            repository.saveCursor(pipeline, scope, new CursorState(parsed.cursor(), parsed.lastFollowUpId(),
                    parsed.providerId(), parsed.rows(), parsed.updatedAt() == null
                            ? com.smplat.providerautomation.support.Timestamps.canonical(
                                    com.smplat.providerautomation.support.Timestamps.now())
                            : com.smplat.providerautomation.support.Timestamps.parse(parsed.updatedAt())
                                    .map(com.smplat.providerautomation.support.Timestamps::canonical)
                                    .orElse(com.smplat.providerautomation.support.Timestamps.canonical(
                                            com.smplat.providerautomation.support.Timestamps.now()))));
        }
    }
}
