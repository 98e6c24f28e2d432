package dev.baton.linter.frontend.javasyntax;

import com.github.javaparser.ast.DataKey;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.Statement;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Finds where a name used in an expression was declared (local, parameter, lambda parameter, field,
 * record component), by walking outwards through the syntax tree. No classpath and no inheritance:
 * names declared in a superclass are not found, and the caller then stays silent.
 */
public final class LocalTypes {
    private LocalTypes() {
    }

    /**
     * @param type        the declared type as written ({@code "var"} possible), or {@code null} for an
     *                    untyped lambda parameter
     * @param initializer the initialiser of a local or field, if any
     * @param declaration the declaring node (parameter, declarator)
     */
    public record Declaration(String name, String type, Expression initializer, Node declaration) {
    }

    /** The declaration of the variable an expression names ({@code x}, {@code this.x}), if found. */
    public static Optional<Declaration> of(Expression e) {
        if (e instanceof NameExpr n) return lookup(n.getNameAsString(), n);
        if (e instanceof FieldAccessExpr f && f.getScope() instanceof ThisExpr) return field(f.getNameAsString(), f);
        return Optional.empty();
    }

    public static Optional<Declaration> lookup(String name, Node from) {
        Node child = from;
        Node current = from.getParentNode().orElse(null);
        while (current != null) {
            if (current instanceof BlockStmt block) {
                for (Statement s : block.getStatements()) {
                    if (s == child) break;
                    if (s.isExpressionStmt() && s.asExpressionStmt().getExpression() instanceof VariableDeclarationExpr v) {
                        for (VariableDeclarator d : v.getVariables()) {
                            if (d.getNameAsString().equals(name)) {
                                return Optional.of(new Declaration(name, d.getTypeAsString(), d.getInitializer().orElse(null), d));
                            }
                        }
                    }
                }
            } else if (current instanceof VariableDeclarationExpr v && child != current) {
                // for (Type x = ...; ...) and try-with-resources
                for (VariableDeclarator d : v.getVariables()) {
                    if (d.getNameAsString().equals(name) && d != child) {
                        return Optional.of(new Declaration(name, d.getTypeAsString(), d.getInitializer().orElse(null), d));
                    }
                }
            } else if (current instanceof ForEachStmt fe) {
                for (VariableDeclarator d : fe.getVariable().getVariables()) {
                    if (d.getNameAsString().equals(name)) return Optional.of(new Declaration(name, d.getTypeAsString(), null, d));
                }
            } else if (current instanceof CatchClause c) {
                if (c.getParameter().getNameAsString().equals(name)) return param(c.getParameter());
            } else if (current instanceof LambdaExpr l) {
                for (Parameter p : l.getParameters()) {
                    if (p.getNameAsString().equals(name)) {
                        String t = p.getType().isUnknownType() ? null : p.getTypeAsString();
                        return Optional.of(new Declaration(name, t, null, p));
                    }
                }
            } else if (current instanceof CallableDeclaration<?> m) {
                for (Parameter p : m.getParameters()) if (p.getNameAsString().equals(name)) return param(p);
            } else if (current instanceof TypeDeclaration<?>) {
                return field(name, child);
            }
            child = current;
            current = current.getParentNode().orElse(null);
        }
        return Optional.empty();
    }

    private static Optional<Declaration> param(Parameter p) {
        return Optional.of(new Declaration(p.getNameAsString(), p.getTypeAsString(), null, p));
    }

    /** A type's fields by name, the first declaration of each name: see {@link #fields}. */
    private static final DataKey<Map<String, VariableDeclarator>> FIELDS = new DataKey<>() {
    };

    /**
     * The fields a type declares, by name, built once per type and kept on its node: a lookup per call
     * site that walked the members each time made a class with thousands of methods quadratic. Trees
     * are read by several rules at once, so the node itself guards the entry.
     */
    private static Map<String, VariableDeclarator> fields(TypeDeclaration<?> t) {
        synchronized (t) {
            if (t.containsData(FIELDS)) return t.getData(FIELDS);
            Map<String, VariableDeclarator> byName = new HashMap<>();
            for (FieldDeclaration f : t.getFields()) {
                for (VariableDeclarator d : f.getVariables()) byName.putIfAbsent(d.getNameAsString(), d);
            }
            t.setData(FIELDS, byName);
            return byName;
        }
    }

    private static Optional<Declaration> field(String name, Node inside) {
        Optional<TypeDeclaration> type = inside instanceof TypeDeclaration<?> t ? Optional.of(t) : inside.findAncestor(TypeDeclaration.class);
        while (type.isPresent()) {
            TypeDeclaration<?> t = type.get();
            VariableDeclarator d = fields(t).get(name);
            if (d != null) return Optional.of(new Declaration(name, d.getTypeAsString(), d.getInitializer().orElse(null), d));
            if (t instanceof RecordDeclaration r) {
                for (Parameter p : r.getParameters()) if (p.getNameAsString().equals(name)) return param(p);
            }
            type = t.findAncestor(TypeDeclaration.class);
        }
        return Optional.empty();
    }
}
