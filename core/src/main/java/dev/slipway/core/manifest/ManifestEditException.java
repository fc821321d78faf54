package dev.slipway.core.manifest;

import dev.slipway.api.InvalidInputException;
import java.io.Serial;
import java.util.Objects;

/**
 * A manifest cannot be edited as asked: a marker on a line with no plain value, a marker that matches
 * nothing, a file that is not valid YAML, an edit that would change more than the value. The message
 * starts with {@code path:line} (line 1-based; just {@code path} when the whole file is concerned) and
 * says what to do. Nothing was written when this is thrown.
 */
public class ManifestEditException extends InvalidInputException {

    @Serial
    private static final long serialVersionUID = 1L;

    /** The repo-relative path of the file. */
    private final String path;
    /** The 1-based line, or 0 for the whole file. */
    private final int line;

    /**
     * Creates the exception.
     *
     * @param path the repo-relative path of the file
     * @param line the 1-based line, or 0 when the problem concerns the whole file
     * @param problem what is wrong and what to do, without the location
     */
    public ManifestEditException(String path, int line, String problem) {
        super(location(path, line), location(path, line) + ": " + Objects.requireNonNull(problem, "problem"));
        this.path = path;
        this.line = line;
    }

    private static String location(String path, int line) {
        Objects.requireNonNull(path, "path");
        return line <= 0 ? path : path + ":" + line;
    }

    /**
     * The file.
     *
     * @return the repo-relative path
     */
    public String path() {
        return path;
    }

    /**
     * The line of the problem.
     *
     * @return the 1-based line, or 0 when the problem concerns the whole file
     */
    public int line() {
        return line;
    }
}
