package dev.baton.linter.frontend.javasyntax;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.baton.linter.frontend.ParsedSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Side effects an agent or tool reaches through other classes of the program: a call on a receiver whose
 * declared type is a project class (an injected bean {@code @Inject ApprovalService approvals;}, a local
 * {@code ApprovalService s = Arc.container().instance(ApprovalService.class).get()}, a Spring
 * {@code context.getBean(X.class)}, {@code new X(..)}, a parameter, a static {@code X.m(..)}) is followed into
 * that class's method, whose body {@link SideEffects} reads (its same-class calls included); calls it makes
 * on further project classes are followed in turn, {@value #DEPTH} classes deep.
 *
 * <p>Built in a frontend's {@code link} phase, once every file is read: the class acted through is usually
 * in a file that names no framework. Receivers are resolved on the syntax tree only (declared types,
 * imports, the calling file's package); a receiver whose type cannot be named, an interface with other than
 * exactly one implementing class in the program, or a type declared in several programs none of which is the
 * caller's, is not followed, so the answer is empty rather than a guess.
 */
public final class TypeEffects {
    /** How many classes away from the calling code an effect is still looked for. */
    static final int DEPTH = 3;
    /** Container look-ups that hand back a bean of the class they are given. */
    private static final Set<String> LOOKUPS = Set.of("instance", "select");

    private record Declared(String root, TypeDeclaration<?> type) {
    }

    private final Map<String, List<Declared>> types;
    private final Map<CompilationUnit, String> roots;
    private final Map<CompilationUnit, Imports> imports = new IdentityHashMap<>();
    /** Interface (qualified name and source root) to its one implementing class: a walk of every type, done once. */
    private final Map<String, Optional<Declared>> implementations = new java.util.HashMap<>();

    private TypeEffects(Map<String, List<Declared>> types, Map<CompilationUnit, String> roots) {
        this.types = types;
        this.roots = roots;
    }

    /** Indexes the types the sources declare, by qualified name and source root. */
    public static TypeEffects of(List<ParsedSource> sources) {
        Map<String, List<Declared>> types = new LinkedHashMap<>();
        Map<CompilationUnit, String> roots = new IdentityHashMap<>();
        for (ParsedSource s : sources) {
            String root = Locations.sourceRoot(s.path());
            roots.put(s.unit(), root);
            for (TypeDeclaration<?> t : s.unit().findAll(TypeDeclaration.class)) {
                t.getFullyQualifiedName().ifPresent(fqn -> types.computeIfAbsent(fqn, k -> new ArrayList<>()).add(new Declared(root, t)));
            }
        }
        return new TypeEffects(types, roots);
    }

    /**
     * What the code does to the world through other project classes it calls (not what its own body or
     * its own class does: {@link SideEffects} says that), or empty.
     *
     * @param files whether a file the reached code writes counts (see {@link SideEffects#beyondLocalFiles})
     */
    public Optional<String> through(Node code, boolean files) {
        return through(code, files, 0, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private Optional<String> through(Node code, boolean files, int depth, Set<MethodDeclaration> seen) {
        if (depth >= DEPTH) return Optional.empty();
        Optional<TypeDeclaration> own = code instanceof TypeDeclaration<?> t ? Optional.of(t) : code.findAncestor(TypeDeclaration.class);
        for (Node body : ownBodies(code, own.orElse(null))) {
            for (MethodCallExpr c : body.findAll(MethodCallExpr.class)) {
                if (c.getScope().isEmpty() || c.getScope().get() instanceof ThisExpr) continue;
                Optional<Declared> target = receiver(c.getScope().get());
                if (target.isEmpty() || own.isPresent() && target.get().type() == own.get()) continue;
                for (MethodDeclaration callee : methods(target.get(), c.getNameAsString(), c.getArguments().size())) {
                    if (!seen.add(callee)) continue;
                    Optional<String> what = files ? SideEffects.of(callee) : SideEffects.beyondLocalFiles(callee);
                    if (what.isEmpty()) what = through(callee, files, depth + 1, seen);
                    if (what.isPresent()) {
                        String at = target.get().type().getNameAsString() + "." + callee.getNameAsString();
                        return Optional.of(what.get().contains(" through ") ? what.get() : what.get() + " through " + at);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The code itself and the bodies of the same-class methods it calls, two levels deep (as {@link SideEffects} reads them). */
    private static List<Node> ownBodies(Node code, TypeDeclaration<?> type) {
        List<Node> out = new ArrayList<>();
        Set<MethodDeclaration> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        if (code instanceof MethodDeclaration m) {
            seen.add(m);
            m.getBody().ifPresent(out::add);
        } else {
            out.add(code);
        }
        if (type == null) return out;
        for (int level = 0, from = 0; level < 2; level++) {
            int to = out.size();
            for (Node n : out.subList(from, to).toArray(new Node[0])) {
                for (MethodCallExpr c : n.findAll(MethodCallExpr.class)) {
                    boolean same = c.getScope().isEmpty() || c.getScope().get() instanceof ThisExpr;
                    if (!same) continue;
                    for (MethodDeclaration callee : type.getMethodsByName(c.getNameAsString())) {
                        if (callee.getParameters().size() == c.getArguments().size() && seen.add(callee)) {
                            callee.getBody().ifPresent(out::add);
                        }
                    }
                }
            }
            from = to;
        }
        return out;
    }

    /** The project class a call's receiver is an instance of (or, for {@code X.m(..)}, the class itself). */
    private Optional<Declared> receiver(Expression scope) {
        Optional<String> type = typeOf(scope);
        if (type.isEmpty()) return Optional.empty();
        return resolve(type.get(), scope);
    }

    private static Optional<String> typeOf(Expression e) {
        if (e instanceof NameExpr || e instanceof FieldAccessExpr f && f.getScope() instanceof ThisExpr) {
            Optional<LocalTypes.Declaration> d = LocalTypes.of(e);
            if (d.isPresent()) {
                String t = d.get().type();
                if (t != null && !t.equals("var")) return Optional.of(t);
                return d.get().initializer() == null ? Optional.empty() : created(d.get().initializer());
            }
            // no variable of that name: a static call on a class (ApprovalProposal.findPending(..))
            if (e instanceof NameExpr n && Character.isUpperCase(n.getNameAsString().charAt(0))) return Optional.of(n.getNameAsString());
            return Optional.empty();
        }
        return created(e);
    }

    /** The class an expression makes or looks up: {@code new X(..)}, {@code instance(X.class).get()}, {@code getBean(X.class)}. */
    private static Optional<String> created(Expression e) {
        if (e instanceof ObjectCreationExpr o) return o.getAnonymousClassBody().isPresent() ? Optional.empty() : Optional.of(o.getTypeAsString());
        if (!(e instanceof MethodCallExpr m)) return Optional.empty();
        if (m.getNameAsString().equals("getBean") && !m.getArguments().isEmpty()) return classLiteral(m.getArgument(m.getArguments().size() - 1));
        if (m.getNameAsString().equals("get") && m.getArguments().isEmpty() && m.getScope().orElse(null) instanceof MethodCallExpr lookup
                && LOOKUPS.contains(lookup.getNameAsString()) && lookup.getArguments().size() >= 1) {
            return classLiteral(lookup.getArgument(0));
        }
        return Optional.empty();
    }

    private static Optional<String> classLiteral(Expression e) {
        return e instanceof ClassExpr c ? Optional.of(c.getTypeAsString()) : Optional.empty();
    }

    /** The declaration a type name written in the code at {@code from} refers to, in the caller's program when it has one. */
    private Optional<Declared> resolve(String typeName, Node from) {
        Optional<CompilationUnit> unit = from.findCompilationUnit();
        if (unit.isEmpty()) return Optional.empty();
        Imports in = imports.computeIfAbsent(unit.get(), Imports::of);
        Optional<String> fqn = in.resolve(Imports.rawName(typeName));
        if (fqn.isEmpty()) return Optional.empty();
        Optional<Declared> d = pick(fqn.get(), roots.getOrDefault(unit.get(), ""));
        if (d.isEmpty()) return d;
        if (d.get().type() instanceof ClassOrInterfaceDeclaration c && c.isInterface()) {
            return implementations.computeIfAbsent(fqn.get() + "@" + d.get().root(), k -> implementation(c, d.get().root()));
        }
        return d;
    }

    /** One declaration of the name: the one in the given source root, else the only one there is. */
    private Optional<Declared> pick(String fqn, String root) {
        List<Declared> all = types.getOrDefault(fqn, List.of());
        for (Declared d : all) if (d.root().equals(root)) return Optional.of(d);
        return all.size() == 1 ? Optional.of(all.get(0)) : Optional.empty();
    }

    /** The one class of the interface's program that implements it; none or several: not followed. */
    private Optional<Declared> implementation(ClassOrInterfaceDeclaration face, String root) {
        String fqn = face.getFullyQualifiedName().orElse("");
        Declared found = null;
        for (List<Declared> ds : types.values()) {
            for (Declared d : ds) {
                if (!d.root().equals(root) || !(d.type() instanceof ClassOrInterfaceDeclaration c) || c.isInterface()) continue;
                for (ClassOrInterfaceType i : c.getImplementedTypes()) {
                    Imports in = c.findCompilationUnit().map(u -> imports.computeIfAbsent(u, Imports::of)).orElse(null);
                    if (in != null && in.resolve(i.getNameWithScope()).map(fqn::equals).orElse(false)) {
                        if (found != null && found != d) return Optional.empty();
                        found = d;
                    }
                }
            }
        }
        return Optional.ofNullable(found);
    }

    /** The methods of that name and arity with a body, in the class or the project classes it extends. */
    private List<MethodDeclaration> methods(Declared target, String name, int arity) {
        List<MethodDeclaration> out = new ArrayList<>();
        Declared at = target;
        for (int hop = 0; at != null && hop < DEPTH; hop++) {
            for (MethodDeclaration m : at.type().getMethodsByName(name)) {
                if (m.getParameters().size() == arity && m.getBody().isPresent()) out.add(m);
            }
            if (!out.isEmpty() || !(at.type() instanceof ClassOrInterfaceDeclaration c) || c.getExtendedTypes().isEmpty()) break;
            at = resolve(c.getExtendedTypes(0).getNameWithScope(), c).orElse(null);
        }
        return out;
    }
}
