package dev.baton.linter.frontend;

/**
 * A Java source file the linter could not read as javac reads it: its syntax does not parse, it is not
 * UTF-8, it is binary, or it cannot be read at all. Reported by the {@code parse-error} rule.
 *
 * @param path   relative to the project base directory, {@code /} separators
 * @param line   1-based line where the parser or decoder stopped (1 when the whole file is concerned)
 * @param column 1-based column
 * @param reason what kind of problem
 * @param detail the parser's, decoder's or file system's own words
 * @param encoding the encoding the file was read in (the request's, UTF-8 by default): for {@code NOT_UTF8},
 *                 the encoding the file is not valid in
 */
public record UnreadableSource(String path, int line, int column, Reason reason, String detail, String encoding) {
    /** A problem with a file read as UTF-8. */
    public UnreadableSource(String path, int line, int column, Reason reason, String detail) {
        this(path, line, column, reason, detail, "UTF-8");
    }

    /** What kept the file from being read. */
    public enum Reason {
        /** the parser rejects it: nothing in the file was analysed */
        SYNTAX,
        /** valid Java the parser does not support yet (a local enum): nothing in the file was analysed */
        UNSUPPORTED,
        /**
         * a byte sequence that is not valid in the sources' encoding (UTF-8 unless the build declares another,
         * see {@link #encoding}): the file was read as ISO-8859-1 and analysed
         */
        NOT_UTF8,
        /** a NUL byte: not Java source text, not analysed */
        BINARY,
        /** the file system refused to read it, not analysed */
        UNREADABLE
    }
}
