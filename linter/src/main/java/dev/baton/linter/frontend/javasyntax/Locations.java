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
}
