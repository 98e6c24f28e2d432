package dev.baton.linter.frontend.javasyntax;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A fluent call chain such as {@code AgenticServices.loopBuilder().subAgents(a).maxIterations(3).build()},
 * root call first.
 *
 * @param calls the calls from the root ({@code loopBuilder()}) to the outermost ({@code build()})
 */
public record CallChain(List<MethodCallExpr> calls) {

    /** The whole chain that {@code root} starts: follows parents while they call on the previous result. */
    public static CallChain startingAt(MethodCallExpr root) {
        List<MethodCallExpr> calls = new ArrayList<>();
        calls.add(root);
        Node current = root;
        while (current.getParentNode().isPresent()) {
            Node parent = current.getParentNode().get();
            if (parent instanceof MethodCallExpr m && m.getScope().map(s -> s == calls.get(calls.size() - 1)).orElse(false)) {
                calls.add(m);
                current = m;
            } else {
                break;
            }
        }
        return new CallChain(List.copyOf(calls));
    }

    public MethodCallExpr root() {
        return calls.get(0);
    }

    public MethodCallExpr last() {
        return calls.get(calls.size() - 1);
    }

    public Optional<MethodCallExpr> first(String name) {
        for (MethodCallExpr c : calls) if (c.getNameAsString().equals(name)) return Optional.of(c);
        return Optional.empty();
    }

    public List<MethodCallExpr> all(String name) {
        return calls.stream().filter(c -> c.getNameAsString().equals(name)).toList();
    }

    public boolean has(String name) {
        return first(name).isPresent();
    }

    /** The single argument of the first call named {@code name}, if it has exactly one. */
    public Optional<Expression> argument(String name) {
        return first(name).filter(c -> c.getArguments().size() == 1).map(c -> c.getArgument(0));
    }

    /** Whether the chain ends in {@code build()}: a finished builder rather than one continued elsewhere. */
    public boolean built() {
        return last().getNameAsString().equals("build");
    }
}
