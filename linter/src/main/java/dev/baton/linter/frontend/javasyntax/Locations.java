package dev.baton.linter.frontend.javasyntax;

import com.github.javaparser.ast.Node;
import dev.baton.linter.frontend.ParsedSource;
import dev.baton.linter.graph.Location;

/** Turns syntax-tree positions into graph locations. */
public final class Locations {
    private Locations() {
    }

    public static Location of(ParsedSource source, Node node) {
        return node.getBegin()
                .map(p -> new Location(source.path(), p.line, p.column))
                .orElse(Location.file(source.path()));
    }

    /**
     * The source root a project file belongs to: the part of its path before {@code src/main/java/} (or
     * {@code src/test/java/}), empty for a file outside such a layout. Copies of one class in several modules
     * are told apart by it.
     */
    public static String sourceRoot(String path) {
        int at = path.indexOf("src/main/java/");
        if (at < 0) at = path.indexOf("src/test/java/");
        return at < 0 ? "" : path.substring(0, at);
    }
}
