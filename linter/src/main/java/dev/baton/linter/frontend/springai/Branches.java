package dev.baton.linter.frontend.springai;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.SwitchExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchStmt;
import dev.baton.linter.frontend.javasyntax.LocalTypes;

/**
 * Whether a decision taken on an agent's output governs a later call: the call runs in a branch the decision picks
 * ({@code if (label.contains("x")) { …call… }}, a switch on it), or takes a value the decision computed
 * ({@code queue = label.contains("urgent") ? "on-call" : "backlog"} handed to the call). A decision that only ends a
 * loop ({@code if (critique.contains("<OK>")) break;}) governs no call of its own: the call after it takes the
 * output as it is.
 */
final class Branches {
    private Branches() {
    }

    static boolean governs(Node decision, MethodCallExpr call) {
        if (call.isDescendantOf(decision)) return true;
        Node child = decision;
        for (Node p = decision.getParentNode().orElse(null); p != null && !(p instanceof MethodDeclaration); p = p.getParentNode().orElse(null)) {
            if (p instanceof IfStmt i && i.getCondition() == child) {
                return call.isDescendantOf(i.getThenStmt()) || i.getElseStmt().map(call::isDescendantOf).orElse(false);
            }
            if (p instanceof ConditionalExpr c && c.getCondition() == child) {
                if (call.isDescendantOf(c.getThenExpr()) || call.isDescendantOf(c.getElseExpr())) return true;
            }
            if (p instanceof SwitchStmt sw && sw.getSelector() == child) return call.isDescendantOf(sw);
            if (p instanceof SwitchExpr sw && sw.getSelector() == child) return call.isDescendantOf(sw);
            if (p instanceof VariableDeclarator v && v.getParentNode().orElse(null) instanceof VariableDeclarationExpr) {
                return reads(call, v);
            }
            if (p instanceof AssignExpr a && a.getTarget() instanceof NameExpr t) {
                return LocalTypes.of(t).map(d -> d.declaration() instanceof VariableDeclarator v && reads(call, v)).orElse(false);
            }
            if (p instanceof Statement) return false;
            child = p;
        }
        return false;
    }

    /** Whether the call's chain names the local. */
    private static boolean reads(MethodCallExpr call, VariableDeclarator v) {
        for (MethodCallExpr c : SpringAiFrontend.chainOf(call)) {
            for (NameExpr n : c.getArguments().stream().flatMap(a -> a.findAll(NameExpr.class).stream()).toList()) {
                if (LocalTypes.of(n).map(d -> d.declaration() == v).orElse(false)) return true;
            }
        }
        return false;
    }
}
