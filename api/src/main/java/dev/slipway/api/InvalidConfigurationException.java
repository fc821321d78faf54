package dev.slipway.api;

import java.io.Serial;
import java.util.Objects;

/**
 * The configuration ({@code slipway.yaml}) is not acceptable. The message names the file, the line and
 * the column (1-based, when known), what is wrong and the fix.
 */
public class InvalidConfigurationException extends InvalidInputException {

    @Serial
    private static final long serialVersionUID = 1L;

    /** The file (or other source) the configuration came from. */
    private final String source;
    /** The 1-based line, or 0 when unknown. */
    private final int line;
    /** The 1-based column, or 0 when unknown. */
    private final int column;

    /**
     * Creates the exception.
     *
     * @param source the file (or other source) the configuration came from
     * @param line the 1-based line, or 0 when unknown
     * @param column the 1-based column, or 0 when unknown
     * @param input the offending value or key, verbatim
     * @param problem what is wrong and the fix, without the location
     */
    public InvalidConfigurationException(String source, int line, int column, String input, String problem) {
        super(input, location(source, line, column) + ": " + Objects.requireNonNull(problem, "problem"));
        this.source = source;
        this.line = line;
        this.column = column;
    }

    private static String location(String source, int line, int column) {
        Objects.requireNonNull(source, "source");
        if (line <= 0) {
            return source;
        }
        return column <= 0 ? source + ":" + line : source + ":" + line + ":" + column;
    }

    /**
     * The file (or other source) the configuration came from.
     *
     * @return the source
     */
    public String source() {
        return source;
    }

    /**
     * The 1-based line of the problem.
     *
     * @return the line, or 0 when unknown
     */
    public int line() {
        return line;
    }

    /**
     * The 1-based column of the problem.
     *
     * @return the column, or 0 when unknown
     */
    public int column() {
        return column;
    }
}
