package dev.baton.linter.frontend.springai;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.CompactConstructorDeclaration;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.stmt.ThrowStmt;

/** Whether a record declared in a file rejects bad components itself (a validating compact constructor). */
final class RecordChecks {
    private RecordChecks() {
    }

    static boolean checksComponents(CompilationUnit unit, String simpleName) {
        for (RecordDeclaration r : unit.findAll(RecordDeclaration.class)) {
            if (!r.getNameAsString().equals(simpleName)) continue;
            for (CompactConstructorDeclaration c : r.getCompactConstructors()) {
                if (!c.findAll(ThrowStmt.class).isEmpty()) return true;
                if (c.findAll(MethodCallExpr.class).stream().anyMatch(m -> m.getNameAsString().equals("requireNonNull"))) return true;
            }
        }
        return false;
    }
}
