package dev.baton.linter.rules;

import com.networknt.schema.Error;
import dev.baton.linter.frontend.SchemaFile;
import dev.baton.linter.frontend.schema.JsonSchemas;
import dev.baton.linter.graph.Location;
import dev.baton.linter.rule.FindingSink;
import dev.baton.linter.rule.LintContext;
import dev.baton.linter.rule.Principle;
import dev.baton.linter.rule.Rule;
import dev.baton.linter.rule.RuleInfo;
import dev.baton.linter.rule.Severity;
import dev.baton.runtime.contract.ContractDefinitionException;
import dev.baton.runtime.contract.ContractSchemas;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A schema file that is not JSON (with the parser's line and column), that its dialect's meta-schema
 * rejects (draft 2020-12 by default, draft-07 and others by {@code $schema}), that names an unknown
 * dialect, or whose {@code $ref}s point at nothing: local pointers and anchors are resolved in the
 * file, relative file references beside it. A file that passes those checks is then compiled by the
 * runtime's own start-up compiler ({@link ContractSchemas#verify}); whatever it refuses (a {@code $ref}
 * cycle that never descends, an invalid {@code pattern}, a remote {@code $ref}, which is never fetched)
 * is reported in the runtime's words, so build and start-up cannot disagree.
 */
@RuleInfo(id = "schema-invalid", severity = Severity.ERROR, principle = Principle.P1_EXPLICIT_SCHEMAS,
        summary = "A JSON Schema file does not parse, does not match its meta-schema, or has unresolved $refs",
        description = "A contract's schema is broken: the file is not JSON, violates the JSON Schema meta-schema of its "
                + "dialect, references definitions that do not exist, or is refused by the Baton runtime's start-up "
                + "compiler ($ref cycles that never descend, invalid patterns, remote $refs). Validators then fail at "
                + "start-up, or worse, silently validate against less than the author meant.",
        fix = "Fix the file at the reported position: make it valid JSON, use keywords as the dialect defines them, "
                + "and point every $ref at an existing definition.")
public final class SchemaInvalidRule implements Rule {
    private static final int MAX_META_ERRORS = 10;

    @Override
    public void check(LintContext context, FindingSink findings) {
        int[] reported = {0};
        FindingSink counting = new FindingSink() {
            @Override
            public void report(Location location, String message, List<String> agents, String edge, String anchor) {
                reported[0]++;
                findings.report(location, message, agents, edge, anchor);
            }

            @Override
            public void report(Severity severity, Location location, String message, List<String> agents, String edge,
                               String anchor) {
                reported[0]++;
                findings.report(severity, location, message, agents, edge, anchor);
            }
        };
        for (SchemaFile f : context.schemas()) {
            if (!f.parsed()) {
                findings.report(new Location(f.path(), f.errorLine(), f.errorColumn()), "schema file is not JSON: "
                        + f.parseError() + " — fix the syntax at this position.", "not-json");
                continue;
            }
            JsonNode tree = f.tree();
            if (!tree.isObject() && !tree.isBoolean()) {
                findings.report(new Location(f.path(), 1, 1), "a JSON Schema must be an object or a boolean, not "
                        + tree.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + ".", "not-a-schema");
                continue;
            }
            Optional<JsonSchemas.Dialect> dialect = JsonSchemas.dialect(tree);
            if (dialect.isEmpty()) {
                findings.report(SchemaText.at(context, f, "/$schema"), "unknown $schema '" + tree.get("$schema").asString()
                        + "': use draft 2020-12 or draft-07 (Baton never fetches meta-schemas from the network).", "dialect");
                continue;
            }
            List<Error> errors;
            try {
                errors = JsonSchemas.metaSchemaErrors(tree, dialect.get());
            } catch (RuntimeException e) {
                findings.report(new Location(f.path(), 1, 1), "schema cannot be checked against its meta-schema: "
                        + e.getMessage(), "meta");
                continue;
            }
            // One finding per place: a wrong keyword value fails several branches of the meta-schema at once.
            java.util.Map<String, java.util.List<String>> byPointer = new java.util.LinkedHashMap<>();
            for (Error err : errors) {
                byPointer.computeIfAbsent(SchemaText.pointer(err.getInstanceLocation()), k -> new java.util.ArrayList<>())
                        .add(err.getMessage());
            }
            int n = 0;
            int before = reported[0];
            for (var entry : byPointer.entrySet()) {
                if (n++ == MAX_META_ERRORS) break;
                String pointer = entry.getKey();
                findings.report(SchemaText.at(context, f, pointer), "schema does not match the "
                                + dialect.get().version().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
                                + " meta-schema at '" + (pointer.isEmpty() ? "/" : pointer) + "': "
                                + String.join("; ", entry.getValue().stream().distinct().toList()),
                        "meta|" + pointer);
                reported[0]++;
            }
            checkRefs(context, f, tree, tree, "", counting);
            if (reported[0] == before) startUp(context, f, tree, findings);
        }
    }

    /** What the runtime would refuse at start-up, in its words, at the keyword to change. */
    private static void startUp(LintContext context, SchemaFile f, JsonNode tree, FindingSink findings) {
        Optional<Path> file = context.absolute(f.path());
        if (file.isEmpty()) return;
        try {
            ContractSchemas.verify(f.path(), file.get().toUri(), tree);
        } catch (ContractDefinitionException e) {
            findings.report(SchemaText.at(context, f, e.pointer()), "the Baton runtime refuses this schema at start-up: "
                    + e.reason() + ".", "startup|" + e.pointer());
        } catch (RuntimeException | StackOverflowError e) {
            findings.report(new Location(f.path(), 1, 1), "the Baton runtime cannot compile this schema: " + e
                    + " — simplify the schema at its references.", "startup");
        }
    }

    private void checkRefs(LintContext context, SchemaFile f, JsonNode root, JsonNode node, String pointer,
                           FindingSink findings) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                String childPointer = pointer + "/" + SchemaText.escape(e.getKey());
                if (e.getKey().equals("$ref") && e.getValue().isString()) {
                    String ref = e.getValue().asString();
                    if (!resolves(context, f, root, ref)) {
                        findings.report(SchemaText.at(context, f, childPointer), "$ref '" + ref + "' resolves to nothing: "
                                + "point it at an existing definition (e.g. #/$defs/Name) or file.", "ref|" + ref);
                    }
                } else if (!e.getKey().equals("enum") && !e.getKey().equals("const") && !e.getKey().equals("examples")
                        && !e.getKey().equals("default")) {
                    checkRefs(context, f, root, e.getValue(), childPointer, findings);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) checkRefs(context, f, root, node.get(i), pointer + "/" + i, findings);
        }
    }

    private boolean resolves(LintContext context, SchemaFile f, JsonNode root, String ref) {
        URI uri;
        try {
            uri = new URI(ref);
        } catch (Exception e) {
            return false;
        }
        if (uri.getScheme() != null) return true; // remote or absolute: not fetched, not judged
        String path = uri.getRawPath();
        String fragment = uri.getFragment();
        JsonNode target = root;
        if (path != null && !path.isEmpty()) {
            Path file = context.absolute(f.path()).map(p -> p.getParent().resolve(uri.getPath()).normalize()).orElse(null);
            if (file == null || !Files.isRegularFile(file)) return idMatches(root, ref);
            if (fragment == null || fragment.isEmpty()) return true;
            try {
                target = dev.baton.linter.frontend.schema.SchemaReader.mapper().readTree(Files.readString(file));
            } catch (Exception e) {
                return true; // the other file's own schema-invalid finding says what is wrong with it
            }
        }
        if (fragment == null || fragment.isEmpty()) return true;
        if (fragment.startsWith("/")) return !target.at(fragment).isMissingNode();
        return hasAnchor(target, fragment);
    }

    private static boolean idMatches(JsonNode node, String ref) {
        if (node.isObject()) {
            JsonNode id = node.get("$id");
            if (id != null && id.isString() && (id.asString().equals(ref) || id.asString().endsWith("/" + ref))) return true;
            for (Map.Entry<String, JsonNode> e : node.properties()) if (idMatches(e.getValue(), ref)) return true;
        } else if (node.isArray()) {
            for (JsonNode c : node) if (idMatches(c, ref)) return true;
        }
        return false;
    }

    private static boolean hasAnchor(JsonNode node, String anchor) {
        if (node.isObject()) {
            JsonNode a = node.get("$anchor"), d = node.get("$dynamicAnchor"), id = node.get("$id");
            if ((a != null && anchor.equals(a.asString())) || (d != null && anchor.equals(d.asString()))
                    || (id != null && ("#" + anchor).equals(id.asString()))) return true;
            for (Map.Entry<String, JsonNode> e : node.properties()) if (hasAnchor(e.getValue(), anchor)) return true;
        } else if (node.isArray()) {
            for (JsonNode c : node) if (hasAnchor(c, anchor)) return true;
        }
        return false;
    }
}
