package dev.baton.linter.frontend;

import com.github.javaparser.ast.CompilationUnit;

/**
 * A Java source file and its syntax tree.
 *
 * @param path relative to the project base directory, {@code /} separators
 */
public record ParsedSource(String path, String text, CompilationUnit unit) {
}
