package dev.baton.linter.engine;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A cheap lexical index of every Java file of a scan, read without parsing: the type names it
 * declares (classes, interfaces, enums, records, annotation types) and the identifiers it uses
 * (comments and string literals left out). The engine uses it to decide which files to parse:
 *
 * <ol>
 *   <li>every file that contains a frontend's trigger token (it may declare agents or facts);</li>
 *   <li>then, transitively, every file that declares a type a parsed file names (the model records
 *       of an agent, its helpers, the classes it delegates to), and every file that names a type a
 *       parsed file declares (workflow classes that call an agent or an agent's wrapper).</li>
 * </ol>
 *
 * <p>A file outside that closure shares no type name with any agent code: no frontend can learn
 * from it (it has no trigger token) and no cross-file analysis can reach it (every link between
 * files — a handoff type, a record's constraints, a wrapper call, an injected agent — goes through a
 * type name written in both files). Skipping it cannot change a finding.
 */
final class SourceIndex {
    /** What one file declares and uses. */
    record Entry(Set<String> declaredTypes, Set<String> identifiers) {
    }

    private SourceIndex() {
    }

    /** Lexes one file: declared type names and every identifier outside comments and literals. */
    static Entry of(String text) {
        Set<String> declared = new HashSet<>();
        Set<String> ids = new HashSet<>();
        int n = text.length();
        int i = 0;
        String previous = null;        // the previous identifier token
        char previousSymbol = 0;       // the last non-identifier, non-space character before it
        boolean afterSymbolBeforePrevious = false;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
                while (i < n && text.charAt(i) != '\n') i++;
                continue;
            }
            if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                continue;
            }
            if (c == '"') {
                if (text.startsWith("\"\"\"", i)) {
                    int j = i + 3;
                    while (j < n && !text.startsWith("\"\"\"", j)) j += text.charAt(j) == '\\' ? 2 : 1;
                    i = Math.min(n, j + 3);
                } else {
                    int j = i + 1;
                    while (j < n && text.charAt(j) != '"' && text.charAt(j) != '\n') j += text.charAt(j) == '\\' ? 2 : 1;
                    i = Math.min(n, j + 1);
                }
                previousSymbol = '"';
                previous = null;
                continue;
            }
            if (c == '\'') {
                int j = i + 1;
                while (j < n && text.charAt(j) != '\'' && text.charAt(j) != '\n') j += text.charAt(j) == '\\' ? 2 : 1;
                i = Math.min(n, j + 1);
                previousSymbol = '\'';
                previous = null;
                continue;
            }
            if (Character.isJavaIdentifierStart(c)) {
                int j = i + 1;
                while (j < n && Character.isJavaIdentifierPart(text.charAt(j))) j++;
                String word = text.substring(i, j);
                // "class X", "interface X", "enum X", "record X", "@interface X"; never "Foo.class"
                if (previous != null && !afterSymbolBeforePrevious
                        && (previous.equals("class") || previous.equals("interface") || previous.equals("enum")
                        || previous.equals("record"))) {
                    declared.add(word);
                }
                ids.add(word);
                afterSymbolBeforePrevious = previousSymbol == '.';
                previous = word;
                previousSymbol = 0;
                i = j;
                continue;
            }
            if (!Character.isWhitespace(c)) {
                previousSymbol = c;
                if (c != '@') previous = null;
                else afterSymbolBeforePrevious = false;
            }
            i++;
        }
        return new Entry(declared, ids);
    }

    /**
     * The files to parse: the seeds (files with a trigger token) and, transitively, the files that
     * share a declared type name with them in either direction.
     *
     * @param entries every file's index entry, by relative path
     * @param seed    whether a file is a seed
     */
    static Set<String> closure(Map<String, Entry> entries, Predicate<String> seed) {
        Map<String, List<String>> declaring = new HashMap<>();
        Map<String, List<String>> using = new HashMap<>();
        for (Map.Entry<String, Entry> e : entries.entrySet()) {
            for (String t : e.getValue().declaredTypes()) declaring.computeIfAbsent(t, k -> new java.util.ArrayList<>()).add(e.getKey());
        }
        for (Map.Entry<String, Entry> e : entries.entrySet()) {
            for (String id : e.getValue().identifiers()) {
                if (declaring.containsKey(id)) using.computeIfAbsent(id, k -> new java.util.ArrayList<>()).add(e.getKey());
            }
        }
        Set<String> relevant = new LinkedHashSet<>();
        Deque<String> work = new ArrayDeque<>();
        for (String path : entries.keySet()) {
            if (seed.test(path)) {
                relevant.add(path);
                work.add(path);
            }
        }
        while (!work.isEmpty()) {
            Entry e = entries.get(work.poll());
            // the types this file names, declared elsewhere: model records, helpers, delegates
            for (String id : e.identifiers()) add(declaring.get(id), relevant, work);
            // the files naming a type this file declares: callers of an agent or of its wrapper
            for (String t : e.declaredTypes()) add(using.get(t), relevant, work);
        }
        return relevant;
    }

    private static void add(Collection<String> paths, Set<String> relevant, Deque<String> work) {
        if (paths == null) return;
        for (String p : paths) if (relevant.add(p)) work.add(p);
    }
}
