package dev.licensing.cli;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * What the operating system said about a failed file operation, in words for a person: Java's exceptions name their
 * class ({@code java.nio.file.NoSuchFileException: x}) or only the path, which says nothing a user can act on.
 */
final class IoReason {
    /** The text of ENOSPC: the only failure worth the advice to make room. */
    private static final String NO_SPACE = "No space left on device";

    private IoReason() {
    }

    static String of(IOException failure) {
        if (failure instanceof NoSuchFileException) {
            return "No such file or directory";
        }
        if (failure instanceof AccessDeniedException) {
            return "Permission denied";
        }
        if (failure instanceof FileAlreadyExistsException) {
            return "File exists";
        }
        if (failure instanceof NotDirectoryException) {
            return "Not a directory";
        }
        if (failure instanceof CharacterCodingException) {
            return "not valid UTF-8";
        }
        if (failure instanceof FileSystemException system && system.getReason() != null) {
            return system.getReason();
        }
        return failure.getMessage() == null ? "I/O error" : failure.getMessage();
    }

    static boolean isFullDisk(IOException failure) {
        return of(failure).contains(NO_SPACE);
    }
}
