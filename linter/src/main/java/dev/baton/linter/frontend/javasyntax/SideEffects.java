package dev.baton.linter.frontend.javasyntax;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.ThisExpr;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a method does to the world, read from what its body does rather than from its name: it writes
 * a file ({@code Files.write*}, {@code FileWriter}, {@code FileOutputStream}), runs a process
 * ({@code ProcessBuilder}, {@code Runtime.exec}), sends a mutating HTTP request ({@code POST}, {@code PUT},
 * {@code DELETE}, {@code PATCH}), writes to a database (a repository's {@code save}/{@code delete}, JPA or
 * Panache {@code persist}, JDBC {@code executeUpdate}) or sends a message ({@code Transport.send},
 * {@code mailSender.send}, {@code convertAndSend}). Calls to methods of the same type are followed two
 * levels deep. A user can declare it with {@code @dev.baton.runtime.SideEffect} on the method.
 */
public final class SideEffects {
    /** Annotation that declares a side effect; honoured by simple name or import. */
    public static final String ANNOTATION = "dev.baton.runtime.SideEffect";

    private static final Set<String> FILE_WRITES = Set.of("write", "writeString", "newBufferedWriter", "newOutputStream",
            "copy", "move", "delete", "deleteIfExists", "createFile", "createDirectory", "createDirectories", "createTempFile");
    private static final Set<String> FILE_WRITERS = Set.of("FileWriter", "FileOutputStream", "RandomAccessFile");
    private static final Set<String> HTTP_VERBS = Set.of("POST", "PUT", "DELETE", "PATCH");
    private static final Set<String> HTTP_CALLS = Set.of("postForObject", "postForEntity", "postForLocation", "patchForObject");
    private static final Set<String> CLIENT_VERBS = Set.of("post", "put", "patch", "delete");
    /** Database writes whatever the receiver: no collection has methods of these names. */
    private static final Set<String> DB_WRITES = Set.of("persist", "persistAndFlush", "saveAndFlush", "saveAll", "saveAllAndFlush",
            "deleteById", "deleteAllById", "deleteAllInBatch", "executeUpdate", "executeLargeUpdate", "executeBatch", "batchUpdate");
    /** Database writes when the receiver is a repository, a DAO, an entity manager or a JDBC template. */
    private static final Set<String> STORE_WRITES = Set.of("save", "delete", "deleteAll", "insert", "update", "merge", "remove",
            "upsert", "execute");
    private static final Set<String> STORE_SUFFIXES = Set.of("repository", "repo", "dao", "entitymanager", "jdbctemplate",
            "jdbc", "jdbcclient", "mongotemplate");
    private static final Set<String> MESSAGE_CALLS = Set.of("convertAndSend", "sendMessage", "sendMail", "sendEmail");
    private static final Set<String> MESSAGE_SUFFIXES = Set.of("mailsender", "sender", "transport", "kafkatemplate", "producer",
            "jmstemplate", "rabbittemplate", "publisher", "mailer");

    private SideEffects() {
    }

    /** Whether the method carries {@code @SideEffect} (by simple name or its qualified name). */
    public static boolean declared(MethodDeclaration m) {
        return declared(m.getAnnotations());
    }

    public static boolean declared(NodeList<AnnotationExpr> annotations) {
        for (AnnotationExpr a : annotations) {
            String n = a.getNameAsString();
            if (n.equals("SideEffect") || n.equals(ANNOTATION)) return true;
        }
        return false;
    }

    /**
     * What the method does to the world ("writes a file", "runs a process"...), from its
     * {@code @SideEffect} declaration or its body; empty when nothing in it acts.
     */
    public static Optional<String> of(MethodDeclaration m) {
        if (declared(m)) return Optional.of("declared @SideEffect");
        return inBody(m, 0, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    /** What a piece of code (a lambda, a block) does to the world, following same-type calls. */
    public static Optional<String> of(Node code) {
        if (code instanceof MethodDeclaration m) return of(m);
        return scan(code, code.findAncestor(TypeDeclaration.class).orElse(null), 0,
                Collections.newSetFromMap(new IdentityHashMap<>()), true);
    }

    /**
     * Same, but a file the code writes itself does not count: an action that saves its own result to a
     * local file (a report, a Markdown post) leaves something for a person to read, it does not act on
     * another system. A file write counts when a model drives it (a tool: the model picks path and content).
     */
    public static Optional<String> beyondLocalFiles(MethodDeclaration m) {
        if (declared(m)) return Optional.of("declared @SideEffect");
        return inBody(m, 0, Collections.newSetFromMap(new IdentityHashMap<>()), false);
    }

    private static Optional<String> inBody(MethodDeclaration m, int depth, Set<MethodDeclaration> seen) {
        return inBody(m, depth, seen, true);
    }

    private static Optional<String> inBody(MethodDeclaration m, int depth, Set<MethodDeclaration> seen, boolean files) {
        if (!seen.add(m) || m.getBody().isEmpty()) return Optional.empty();
        return scan(m.getBody().get(), m.findAncestor(TypeDeclaration.class).orElse(null), depth, seen, files);
    }

    private static Optional<String> scan(Node code, TypeDeclaration<?> type, int depth, Set<MethodDeclaration> seen, boolean files) {
        for (ObjectCreationExpr o : code.findAll(ObjectCreationExpr.class)) {
            String t = o.getType().getNameAsString();
            if (files && FILE_WRITERS.contains(t)) return Optional.of("writes a file (new " + t + ")");
            if (t.equals("ProcessBuilder")) return Optional.of("runs a process (ProcessBuilder)");
        }
        for (FieldAccessExpr f : code.findAll(FieldAccessExpr.class)) {
            if (f.getScope().toString().equals("HttpMethod") && HTTP_VERBS.contains(f.getNameAsString())) {
                return Optional.of("sends an HTTP " + f.getNameAsString());
            }
        }
        for (MethodCallExpr c : code.findAll(MethodCallExpr.class)) {
            Optional<String> what = call(c);
            if (what.isPresent() && (files || !what.get().startsWith("writes a file"))) return what;
        }
        if (depth >= 2 || type == null) return Optional.empty();
        for (MethodCallExpr c : code.findAll(MethodCallExpr.class)) {
            boolean own = c.getScope().isEmpty() || c.getScope().get() instanceof ThisExpr;
            if (!own) continue;
            for (MethodDeclaration callee : type.getMethodsByName(c.getNameAsString())) {
                if (callee.getParameters().size() != c.getArguments().size()) continue;
                Optional<String> what = inBody(callee, depth + 1, seen, files);
                if (what.isPresent()) return what;
            }
        }
        return Optional.empty();
    }

    /** What one call does to the world, when its receiver and name say so. */
    static Optional<String> call(MethodCallExpr c) {
        String n = c.getNameAsString();
        String receiver = c.getScope().map(SideEffects::receiverName).orElse("");
        String r = receiver.toLowerCase(Locale.ROOT);
        if (receiver.equals("Files") && FILE_WRITES.contains(n)) return Optional.of("writes a file (Files." + n + ")");
        if (n.equals("exec") && c.getScope().map(s -> s.toString().contains("Runtime")).orElse(false)) {
            return Optional.of("runs a process (Runtime.exec)");
        }
        if (HTTP_VERBS.contains(n) && c.getScope().isPresent()) return Optional.of("sends an HTTP " + n);
        if (HTTP_CALLS.contains(n)) return Optional.of("sends an HTTP request (" + n + ")");
        if (n.equals("method") && !c.getArguments().isEmpty()
                && Literals.string(c.getArgument(0)).map(v -> HTTP_VERBS.contains(v.toUpperCase(Locale.ROOT))).orElse(false)) {
            return Optional.of("sends an HTTP " + Literals.string(c.getArgument(0)).get().toUpperCase(Locale.ROOT));
        }
        if (CLIENT_VERBS.contains(n) && c.getArguments().isEmpty() && (r.contains("client") || r.contains("http")
                || r.contains("rest") || r.contains("webclient"))) {
            return Optional.of("sends an HTTP " + n.toUpperCase(Locale.ROOT));
        }
        if (DB_WRITES.contains(n) && c.getScope().isPresent()) return Optional.of("writes to a database (" + n + ")");
        if (STORE_WRITES.contains(n) && !c.getArguments().isEmpty() && (r.equals("em") || endsWithAny(r, STORE_SUFFIXES))) {
            return Optional.of("writes to a database (" + receiver + "." + n + ")");
        }
        if (n.equals("send") && (receiver.equals("Transport") || endsWithAny(r, MESSAGE_SUFFIXES))) {
            return Optional.of("sends a message (" + receiver + ".send)");
        }
        if (MESSAGE_CALLS.contains(n) && c.getScope().isPresent() && endsWithAny(r, MESSAGE_SUFFIXES)) {
            return Optional.of("sends a message (" + receiver + "." + n + ")");
        }
        return Optional.empty();
    }

    private static boolean endsWithAny(String name, Set<String> suffixes) {
        for (String s : suffixes) if (name.endsWith(s)) return true;
        return false;
    }

    /** The receiver's name: {@code x} for {@code x}, {@code this.x} and {@code a.b.x}; a call's name for {@code getX()}. */
    private static String receiverName(Expression scope) {
        if (scope instanceof NameExpr n) return n.getNameAsString();
        if (scope instanceof FieldAccessExpr f) return f.getNameAsString();
        if (scope instanceof MethodCallExpr m) {
            String n = m.getNameAsString();
            return n.startsWith("get") && n.length() > 3 ? n.substring(3) : n;
        }
        return "";
    }
}
