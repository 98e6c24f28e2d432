package dev.baton.runtime.contract;

import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What the validator would accept but a runtime must refuse at start-up, each with the JSON pointer
 * of the keyword to change:
 * <ul>
 *   <li>a {@code $schema} that is not one of the JSON Schema drafts built into the validator;</li>
 *   <li>a {@code pattern} or {@code patternProperties} key that {@code java.util.regex} (the engine the
 *       boundary validates with) cannot compile;</li>
 *   <li>a {@code $ref} that resolves to a remote document: Baton never fetches schemas from the network,
 *       so a service's contract cannot change, or stop loading, when someone else's server does
 *       (the JSON Schema meta-schemas, built into the validator, are not remote);</li>
 *   <li>a {@code $ref} cycle that never descends: schemas that apply one another to the same value
 *       through {@code $ref}, {@code allOf}/{@code anyOf}/{@code oneOf}, {@code not},
 *       {@code if}/{@code then}/{@code else} or {@code dependentSchemas}, with no {@code properties},
 *       {@code items} or other keyword on the loop that moves to a part of the value. Validating any
 *       value would recurse forever (JSON Schema core 2020-12, 9.4.1, leaves such schemas undefined).</li>
 * </ul>
 * Cycles are followed through the other local files a schema references (beside it on the classpath or on
 * disk), never through the network; the other checks concern this document, and each other file has its
 * own when it is compiled.
 */
final class SchemaRefusals {

    /** Keywords whose value is one schema applied to the same value. */
    private static final Set<String> IN_PLACE_ONE = Set.of("not", "if", "then", "else");
    /** Keywords whose value is an array of schemas applied to the same value. */
    private static final Set<String> IN_PLACE_ARRAY = Set.of("allOf", "anyOf", "oneOf");
    /** Keywords whose value is an object of schemas applied to the same value. */
    private static final Set<String> IN_PLACE_MAP = Set.of("dependentSchemas", "dependencies");
    /** Keywords whose value is one schema applied to parts of the value (or not applied at all). */
    private static final Set<String> DESCENDING_ONE = Set.of("items", "additionalItems", "additionalProperties",
            "propertyNames", "contains", "unevaluatedProperties", "unevaluatedItems", "contentSchema");
    private static final Set<String> DESCENDING_ARRAY = Set.of("prefixItems", "items");
    private static final Set<String> DESCENDING_MAP = Set.of("properties", "patternProperties", "$defs", "definitions");
    private static final Set<String> REFERENCES = Set.of("$ref", "$dynamicRef", "$recursiveRef");

    /** A schema that references more files than this is not followed further for cycles. */
    private static final int MAX_DOCUMENTS = 256;

    private final JsonNode root;
    /** the document's URI, without fragment */
    private final String uri;
    /** every document the cycle search has read, by URI; null for one that could not be read */
    private final Map<String, SchemaRefusals> documents;
    /** reads a referenced local document (classpath, file), or returns null */
    private final Function<URI, JsonNode> loader;
    /** pointer of every schema object in the document -> its base URI */
    private final Map<String, URI> bases = new HashMap<>();
    /** absolute URI of a resource ($id) or anchor -> pointer */
    private final Map<String, String> targets = new HashMap<>();

    private SchemaRefusals(JsonNode root, String uri, Map<String, SchemaRefusals> documents, Function<URI, JsonNode> loader) {
        this.root = root;
        this.uri = uri;
        this.documents = documents;
        this.loader = loader;
    }

    /** Same, following references within the document only. */
    static void check(String source, String location, JsonNode schema) {
        check(source, location, schema, uri -> null);
    }

    /**
     * @param source   the schema resource or name, for the message
     * @param location the base URI the schema's relative references resolve against
     * @param loader   reads another local document a reference names ({@code classpath:}, {@code file:}), so
     *                 that a cycle through several files is found too; null for none. Never the network.
     * @throws ContractDefinitionException naming the source and the pointer of the first refusal
     */
    static void check(String source, String location, JsonNode schema, Function<URI, JsonNode> loader) {
        URI base;
        try {
            base = new URI(location).normalize();
        } catch (URISyntaxException e) {
            base = URI.create("urn:baton:schema");
        }
        Map<String, SchemaRefusals> documents = new HashMap<>();
        SchemaRefusals refusals = new SchemaRefusals(schema, withoutFragment(base).toString(), documents,
                loader == null ? uri -> null : loader);
        documents.put(refusals.uri, refusals);
        refusals.index(schema, "", base);
        refusals.dialect(source);
        refusals.patterns(source);
        refusals.remoteReferences(source);
        refusals.cycles(source);
    }

    private void index(JsonNode node, String pointer, URI base) {
        if (!node.isObject()) return;
        JsonNode id = node.get("$id");
        if (id != null && id.isString()) {
            URI resolved = resolve(base, id.asString());
            if (resolved != null) {
                if (resolved.getRawFragment() != null && !resolved.getRawFragment().isEmpty()) {
                    targets.putIfAbsent(resolved.toString(), pointer); // draft-07 "$id": "#name"
                } else {
                    base = withoutFragment(resolved);
                    targets.putIfAbsent(base.toString(), pointer);
                }
            }
        }
        if (pointer.isEmpty()) targets.putIfAbsent(withoutFragment(base).toString(), pointer);
        for (String anchor : List.of("$anchor", "$dynamicAnchor")) {
            JsonNode a = node.get(anchor);
            if (a != null && a.isString()) targets.putIfAbsent(withoutFragment(base) + "#" + a.asString(), pointer);
        }
        bases.put(pointer, base);
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String key = e.getKey();
            JsonNode value = e.getValue();
            String at = pointer + "/" + escape(key);
            if ((IN_PLACE_ONE.contains(key) || DESCENDING_ONE.contains(key)) && value.isObject()) {
                index(value, at, base);
            } else if ((IN_PLACE_ARRAY.contains(key) || DESCENDING_ARRAY.contains(key)) && value.isArray()) {
                for (int i = 0; i < value.size(); i++) index(value.get(i), at + "/" + i, base);
            } else if ((IN_PLACE_MAP.contains(key) || DESCENDING_MAP.contains(key)) && value.isObject()) {
                for (Map.Entry<String, JsonNode> m : value.properties()) index(m.getValue(), at + "/" + escape(m.getKey()), base);
            }
        }
    }

    /** A {@code $schema} other than the JSON Schema drafts built into the validator would have to be fetched. */
    private void dialect(String source) {
        JsonNode dialect = root.isObject() ? root.get("$schema") : null;
        if (dialect == null || !dialect.isString()) return;
        URI uri = resolve(URI.create("urn:baton:schema"), dialect.asString());
        boolean known = uri != null && "json-schema.org".equalsIgnoreCase(uri.getHost()) && uri.getPath() != null
                && uri.getPath().matches("/draft(-0[4-7]|/20(19-09|20-12))/schema");
        if (!known) {
            throw new ContractDefinitionException(source, "/$schema", "unknown $schema '" + dialect.asString()
                    + "': use draft 2020-12 or draft-07 (Baton never fetches meta-schemas from the network)");
        }
    }

    private void patterns(String source) {
        for (String pointer : sorted(bases.keySet())) {
            JsonNode node = root.at(pointer);
            JsonNode pattern = node.get("pattern");
            if (pattern != null && pattern.isString()) compiles(source, pointer + "/pattern", pattern.asString(), "pattern");
            JsonNode byPattern = node.get("patternProperties");
            if (byPattern != null && byPattern.isObject()) {
                for (Map.Entry<String, JsonNode> e : byPattern.properties()) {
                    compiles(source, pointer + "/patternProperties/" + escape(e.getKey()), e.getKey(), "patternProperties key");
                }
            }
        }
    }

    private static void compiles(String source, String pointer, String regex, String what) {
        try {
            Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new ContractDefinitionException(source, pointer, "invalid regular expression in " + what + " at "
                    + pointer + ": '" + regex + "': " + e.getDescription()
                    + (e.getIndex() >= 0 ? " at index " + e.getIndex() : "")
                    + "; write it so that java.util.regex compiles it (the boundary validates with it)");
        }
    }

    private void remoteReferences(String source) {
        for (String pointer : sorted(bases.keySet())) {
            JsonNode node = root.at(pointer);
            for (String keyword : REFERENCES) {
                JsonNode ref = node.get(keyword);
                if (ref == null || !ref.isString()) continue;
                URI resolved = resolve(bases.get(pointer), ref.asString());
                if (resolved == null || local(resolved) != null || !remote(resolved)) continue;
                String at = pointer + "/" + escape(keyword);
                throw new ContractDefinitionException(source, at, "remote " + keyword + " '" + ref.asString() + "' at " + at
                        + (ref.asString().equals(resolved.toString()) ? "" : " (resolves to " + resolved + ")")
                        + ": Baton never fetches schemas from the network; copy that schema beside this one and "
                        + "reference it by a relative path");
            }
        }
    }

    /** A schema object in one of the documents the cycle search reached. */
    private record Node(SchemaRefusals document, String pointer) {
    }

    /** A same-value application: the keyword at {@code keyword} (a pointer in {@code from}'s document) applies {@code to}. */
    private record Edge(Node from, String keyword, Node to) {
    }

    /** Fails on the first loop of same-value applications, naming its keywords in order, across documents. */
    private void cycles(String source) {
        Map<Node, Integer> state = new HashMap<>(); // 1 on the current path, 2 done
        for (String start : sorted(bases.keySet())) {
            List<Node> path = new ArrayList<>();
            List<Edge> via = new ArrayList<>();
            Node loop = visit(new Node(this, start), state, path, via);
            if (loop == null) continue;
            int from = path.indexOf(loop);
            boolean acrossFiles = false;
            for (int i = from; i < path.size(); i++) acrossFiles |= path.get(i).document() != this;
            StringBuilder chain = new StringBuilder(display(path.get(from), acrossFiles));
            String refAt = null;
            for (int i = from; i < path.size(); i++) {
                Edge edge = via.get(i);
                chain.append(" -[").append(edge.keyword().substring(edge.from().pointer().length() + 1)).append("]-> ")
                        .append(display(edge.to(), acrossFiles));
                if (refAt == null && edge.from().document() == this && REFERENCES.stream().anyMatch(edge.keyword()::endsWith)) {
                    refAt = edge.keyword();
                }
            }
            if (refAt == null) {
                // the loop lies in another file: point at the keyword of this one that leads into it
                for (int i = from - 1; i >= 0 && refAt == null; i--) {
                    if (via.get(i).from().document() == this) refAt = via.get(i).keyword();
                }
            }
            String at = refAt == null ? "" : refAt;
            throw new ContractDefinitionException(source, at, "$ref cycle at " + (at.isEmpty() ? "/" : at)
                    + " that never descends into the value: " + chain + "; validating any value would recurse forever. "
                    + "Put the reference under a keyword that moves into the value (properties, items, ...) or remove the loop");
        }
    }

    /** Depth-first over same-value edges; returns the node closing a loop, or null. */
    private Node visit(Node node, Map<Node, Integer> state, List<Node> path, List<Edge> via) {
        Integer s = state.get(node);
        if (s != null) return s == 1 ? node : null;
        state.put(node, 1);
        path.add(node);
        for (Edge edge : node.document().inPlace(node)) {
            via.add(edge);
            Node loop = visit(edge.to(), state, path, via);
            if (loop != null) return loop;
            via.remove(via.size() - 1);
        }
        path.remove(path.size() - 1);
        state.put(node, 2);
        return null;
    }

    /** Every schema applied to the same value as the one at {@code node} (a node of this document). */
    private List<Edge> inPlace(Node node) {
        String pointer = node.pointer();
        JsonNode schema = root.at(pointer);
        List<Edge> out = new ArrayList<>();
        if (!schema.isObject()) return out;
        for (Map.Entry<String, JsonNode> e : schema.properties()) {
            String key = e.getKey();
            JsonNode value = e.getValue();
            String at = pointer + "/" + escape(key);
            if (IN_PLACE_ONE.contains(key) && value.isObject()) {
                out.add(new Edge(node, at, new Node(this, at)));
            } else if (IN_PLACE_ARRAY.contains(key) && value.isArray()) {
                for (int i = 0; i < value.size(); i++) {
                    if (value.get(i).isObject()) out.add(new Edge(node, at + "/" + i, new Node(this, at + "/" + i)));
                }
            } else if (IN_PLACE_MAP.contains(key) && value.isObject()) {
                for (Map.Entry<String, JsonNode> m : value.properties()) {
                    String child = at + "/" + escape(m.getKey());
                    if (m.getValue().isObject()) out.add(new Edge(node, child, new Node(this, child)));
                }
            } else if (REFERENCES.contains(key) && value.isString()) {
                URI base = bases.get(pointer);
                URI resolved = base == null ? null : resolve(base, value.asString());
                if (resolved == null) continue;
                SchemaRefusals document = this;
                String target = local(resolved);
                if (target == null) {
                    document = other(withoutFragment(resolved));
                    target = document == null ? null : document.local(resolved);
                }
                if (target != null && document.root.at(target).isObject()) {
                    if (!document.bases.containsKey(target)) document.bases.put(target, withoutFragment(resolved));
                    out.add(new Edge(node, at, new Node(document, target)));
                }
            }
        }
        return out;
    }

    /** The other local document a reference names (a file beside this one), read and indexed once; null if none. */
    private SchemaRefusals other(URI document) {
        String key = document.toString();
        if (documents.containsKey(key)) return documents.get(key);
        JsonNode tree = documents.size() < MAX_DOCUMENTS ? loader.apply(document) : null;
        SchemaRefusals other = null;
        if (tree != null && (tree.isObject() || tree.isBoolean())) {
            other = new SchemaRefusals(tree, key, documents, loader);
            other.index(tree, "", document);
        }
        documents.put(key, other);
        return other;
    }

    private String display(Node node, boolean withFile) {
        String pointer = node.pointer().isEmpty() ? "#" : "#" + node.pointer();
        if (!withFile) return pointer;
        String uri = node.document().uri;
        return uri.substring(Math.max(uri.lastIndexOf('/'), uri.lastIndexOf(':')) + 1) + pointer;
    }

    /** The pointer in this document that an absolute reference names, or null when it names another document. */
    private String local(URI resolved) {
        String fragment = resolved.getFragment();
        String document = withoutFragment(resolved).toString();
        if (fragment != null && !fragment.isEmpty() && !fragment.startsWith("/")) {
            return targets.get(document + "#" + fragment);
        }
        String resource = targets.get(document);
        if (resource == null) return null;
        String target = resource + (fragment == null ? "" : fragment);
        return root.at(target).isMissingNode() ? null : target;
    }

    /** Same, for an IRI the validator is about to load. */
    static boolean remote(String iri) {
        try {
            return remote(new URI(iri));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** A document only the network could provide (the built-in meta-schemas are not). */
    private static boolean remote(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") && !scheme.equals("ftp")) return false;
        String path = uri.getPath() == null ? "" : uri.getPath();
        return !("json-schema.org".equalsIgnoreCase(uri.getHost()) && path.startsWith("/draft"));
    }

    /** {@code ref} resolved against {@code base}; {@code classpath:} bases resolve as paths do. */
    static URI resolve(URI base, String ref) {
        URI r;
        try {
            r = new URI(ref);
        } catch (URISyntaxException e) {
            return null;
        }
        if (r.isAbsolute()) return r.normalize();
        if (base.isOpaque()) {
            if (ref.startsWith("#")) {
                try {
                    return new URI(base.getScheme(), base.getSchemeSpecificPart(), r.getFragment());
                } catch (URISyntaxException e) {
                    return null;
                }
            }
            if (!"classpath".equalsIgnoreCase(base.getScheme())) return null;
            URI asPath = URI.create("cp:/" + base.getRawSchemeSpecificPart().replaceFirst("^/+", "")).resolve(r);
            return URI.create("classpath:" + asPath.getRawPath().substring(1)
                    + (asPath.getRawFragment() == null ? "" : "#" + asPath.getRawFragment()));
        }
        return base.resolve(r).normalize();
    }

    private static URI withoutFragment(URI uri) {
        String s = uri.toString();
        if (uri.getRawFragment() != null) s = s.substring(0, s.indexOf('#'));
        // one spelling per document: resolving drops the empty authority of file:///x
        return URI.create(s.startsWith("file:///") ? "file:/" + s.substring("file:///".length()) : s);
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    private static String display(String pointer) {
        return pointer.isEmpty() ? "#" : "#" + pointer;
    }

    private static List<String> sorted(Set<String> pointers) {
        List<String> out = new ArrayList<>(new HashSet<>(pointers));
        out.sort(null);
        return out;
    }
}
