package dev.baton.linter.frontend;

import com.github.javaparser.ast.CompilationUnit;

/**
 * A Java source file and its syntax tree.
 *
 * <p>Two parsed sources are equal when their path and text are: the tree is derived from the text, and
 * comparing or hashing it would walk every node.
 *
 * @param path relative to the project base directory, {@code /} separators
 */
public record ParsedSource(String path, String text, CompilationUnit unit) {
    @Override
    public boolean equals(Object other) {
        return other instanceof ParsedSource that && path.equals(that.path) && text.equals(that.text);
    }

    @Override
    public int hashCode() {
        return 31 * path.hashCode() + text.hashCode();
    }
}
