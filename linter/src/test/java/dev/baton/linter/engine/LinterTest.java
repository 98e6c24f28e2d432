package dev.baton.linter.engine;

import dev.baton.linter.rule.Finding;
import dev.baton.linter.rule.Severity;
import dev.baton.linter.testing.SampleProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LinterTest {
    @TempDir
    Path dir;

    private LintRequest.Builder request() {
        try {
            // a configured schema directory must exist
            Files.createDirectories(dir.resolve("src/main/resources/schemas"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return LintRequest.builder(dir).sourceRoot(Path.of("src/main/java")).schemaDir(Path.of("src/main/resources/schemas"));
    }

    private static Finding only(LintResult r, String ruleId) {
        List<Finding> hits = r.findings().stream().filter(f -> f.ruleId().equals(ruleId)).toList();
        assertEquals(1, hits.size(), r.findings().toString());
        return hits.get(0);
    }

    @Test
    void findsGapsWithRelativePathsAndPositions() {
        new SampleProject(dir).chainWithGaps();
        LintResult r = Linter.run(request().build());
        assertEquals(List.of("error-unowned", "untyped-handoff"), r.findings().stream().map(Finding::ruleId).sorted().toList());
        for (Finding f : r.findings()) {
            assertEquals("src/main/java/com/acme/Chain.java", f.location().file());
            assertEquals(10, f.location().line());
            assertEquals(26, f.location().column());
            assertEquals(16, f.fingerprint().length());
        }
        assertTrue(r.problems().isEmpty());
    }

    @Test
    void unparsableJavaAndNonJsonSchemaAreNamedAndTheScanGoesOn() {
        new SampleProject(dir).chainWithGaps()
                .file("src/main/java/com/acme/Broken.java", "package com.acme;\nimport dev.baton.runtime.chain.HandoffChain;\nclass Broken {\n  void f( {\n}\n")
                .file("src/main/resources/schemas/broken.schema.json", "{\n  \"type\": \"object\",\n  \"required\": [\"a\"\n}\n");
        LintResult r = Linter.run(request().build());
        assertTrue(r.problems().isEmpty(), r.problems().toString());
        Finding p = only(r, "parse-error");
        assertEquals("src/main/java/com/acme/Broken.java", p.location().file());
        assertEquals(Severity.ERROR, p.severity());
        assertEquals(4, p.location().line());
        assertEquals(9, p.location().column());
        assertTrue(p.message().startsWith("this file does not parse: "), p.message());
        assertTrue(r.failuresAt(Severity.ERROR) >= 2, "the unparsable file fails the build at the default failOn");
        Finding schema = r.findings().stream().filter(f -> f.ruleId().equals("schema-invalid")).findFirst().orElseThrow();
        assertEquals("src/main/resources/schemas/broken.schema.json", schema.location().file());
        assertEquals(4, schema.location().line());
        assertTrue(schema.message().contains("not JSON"), schema.message());
        // the rest of the project was still linted
        assertTrue(r.findings().stream().anyMatch(f -> f.ruleId().equals("untyped-handoff")));
    }

    @Test
    void pathologicalInputIsNamedAndNothingHangsOrCrashes() {
        String deep = "(".repeat(20_000) + "1" + ")".repeat(20_000);
        String deepJson = "[".repeat(10_000) + "]".repeat(10_000);
        new SampleProject(dir).chainWithGaps()
                .file("src/main/java/com/acme/Deep.java", "package com.acme;\nimport dev.baton.runtime.chain.HandoffChain;\n"
                        + "class Deep { int x = " + deep + "; }\n")
                .file("src/main/resources/schemas/deep.schema.json", deepJson)
                .file("src/main/resources/schemas/empty.schema.json", "");
        LintResult r = Linter.run(request().build());
        assertTrue(r.findings().stream().anyMatch(f -> f.ruleId().equals("parse-error") && f.location().file().endsWith("Deep.java")),
                r.findings().toString());
        assertTrue(r.findings().stream().anyMatch(f -> f.ruleId().equals("schema-invalid") && f.location().file().endsWith("deep.schema.json")));
        assertTrue(r.findings().stream().anyMatch(f -> f.ruleId().equals("schema-invalid") && f.location().file().endsWith("empty.schema.json")));
        assertTrue(r.findings().stream().anyMatch(f -> f.ruleId().equals("untyped-handoff")), "the rest was linted");
    }

    @Test
    void filesThatCannotMatterAreNeverParsed() {
        new SampleProject(dir).chainWithGaps()
                .file("src/main/java/com/acme/Plain.java", "package com.acme;\nclass Plain { int x; }\n")
                .file("src/main/java/com/acme/AlsoBroken.java", "class AlsoBroken { void f( {\n");
        LintResult r = Linter.run(request().build());
        assertEquals(3, r.stats().javaFiles());
        assertEquals(1, r.stats().parsedFiles());
        assertTrue(r.problems().isEmpty(), "a file with no agent API is not parsed, so its syntax cannot be a problem");
        assertTrue(r.findings().stream().noneMatch(f -> f.ruleId().equals("parse-error")), r.findings().toString());
    }

    @Test
    void lexicalErrorsAreReportedWhereTheLexerStopped() {
        new SampleProject(dir).file("src/main/java/com/acme/Lex.java",
                "package com.acme;\nimport dev.baton.runtime.chain.HandoffChain;\nclass Lex {\n  String s = \"open;\n}\n");
        Finding p = only(Linter.run(request().build()), "parse-error");
        assertEquals(4, p.location().line(), p.message());
        assertTrue(p.location().column() > 1, p.toString());
    }

    @Test
    void newestJavaSyntaxParses() {
        // valid Java 22+ (unnamed variables, JEP 456), 25 (module imports, flexible constructor bodies)
        new SampleProject(dir).chainWithGaps().file("src/main/java/com/acme/Modern.java", """
                package com.acme;
                import dev.baton.runtime.chain.HandoffChain;
                class Modern {
                    final int n;
                    Modern(int n) { if (n < 0) throw new IllegalArgumentException(); this.n = n; super(); }
                    Object chain() {
                        try { return HandoffChain.builder("m").agent("a").build(); } catch (RuntimeException _) { return null; }
                    }
                }
                """);
        LintResult r = Linter.run(request().build());
        assertTrue(r.findings().stream().noneMatch(f -> f.ruleId().equals("parse-error")), r.findings().toString());
        assertEquals(2, r.stats().parsedFiles());
    }

    @Test
    void validJavaTheParserDoesNotSupportIsAWarningNotAnError() {
        // local enums are Java 16+ (JEP 395), JavaParser 3.28 rejects them (javaparser#3990); javac compiles this file
        new SampleProject(dir).file("src/main/java/com/acme/Local.java", """
                package com.acme;
                import dev.baton.runtime.chain.HandoffChain;
                class Local {
                    Object chain() {
                        enum Mood { GOOD, BAD }
                        return HandoffChain.builder("l").agent(Mood.GOOD.name()).build();
                    }
                    enum Member { A }
                }
                """);
        Finding p = only(Linter.run(request().build()), "parse-error");
        assertEquals(Severity.WARNING, p.severity(), p.message());
        assertEquals(5, p.location().line());
        assertTrue(p.message().contains("valid Java that Baton's parser does not support yet: a local enum declaration"), p.message());
        // a real syntax error right after an enum keyword is still an error
        new SampleProject(dir).file("src/main/java/com/acme/Local.java", "package com.acme;\nimport dev.baton.runtime.chain.HandoffChain;\n"
                + "class Local {\n  enum Mood { GOOD BAD }\n}\n");
        assertEquals(Severity.ERROR, only(Linter.run(request().build()), "parse-error").severity());
    }

    @Test
    void notUtf8IsAWarningAtTheFirstBadByteAndTheFileIsStillAnalysed() throws Exception {
        new SampleProject(dir).chainWithGaps();
        byte[] latin1 = ("package com.acme;\nimport dev.baton.runtime.chain.*;\n// caf\u00e9\nclass L { Object c = "
                + "HandoffChain.builder(\"l\").agent(\"a\").agent(\"b\").handoff(Handoff.from(\"a\").to(\"b\").ownedBy(\"a\")); }\n")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Files.write(dir.resolve("src/main/java/com/acme/L.java"), latin1);
        Files.write(dir.resolve("src/main/java/com/acme/Blob.java"), new byte[] {(byte) 0xCA, (byte) 0xFE, 0, 0, 1});
        LintResult r = Linter.run(request().build());
        List<Finding> p = r.findings().stream().filter(f -> f.ruleId().equals("parse-error")).toList();
        assertEquals(2, p.size(), p.toString());
        Finding blob = p.get(0), l = p.get(1);
        assertEquals("src/main/java/com/acme/Blob.java", blob.location().file());
        assertEquals(Severity.WARNING, blob.severity());
        assertTrue(blob.message().contains("binary (a NUL byte at offset 2)"), blob.message());
        assertEquals("src/main/java/com/acme/L.java", l.location().file());
        assertEquals(Severity.WARNING, l.severity());
        assertEquals(3, l.location().line());
        assertEquals(7, l.location().column());
        assertTrue(l.message().contains("not valid UTF-8 (byte 0xE9 at offset"), l.message());
        // the Latin-1 file was still analysed: its handoff has an owner but no contract
        assertTrue(r.findings().stream().anyMatch(f -> f.ruleId().equals("untyped-handoff") && f.location().file().endsWith("L.java")));
        assertEquals(0, r.failuresAt(null));
        assertTrue(r.failuresAt(Severity.WARNING) > r.failuresAt(Severity.ERROR));
    }

    @Test
    void aScanThatEndsInAFewSecondsReportsNoProgress() throws Exception {
        new SampleProject(dir).chainWithGaps();
        List<String> lines = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        LintResult r = Linter.run(request().progress(lines::add).build());
        if (r.stats().millis() < 3_000) assertEquals(List.of(), lines);
    }

    @Test
    void progressIsQuietForThreeSecondsThenSaysAtMostOneLineInFiveWhileReading() {
        long[] now = {0};
        List<String> lines = new java.util.ArrayList<>();
        Linter.Progress p = new Linter.Progress(lines::add, () -> now[0]);
        long s = 1_000_000_000L;
        now[0] = 2 * s;
        p.fileRead(100, 120);
        p.phase("linking");
        assertEquals(List.of(), lines);
        now[0] = 4 * s;
        p.fileRead(100, 120);
        now[0] = 8 * s;
        p.fileRead(100, 120);
        assertEquals(List.of("read 2 of 100 Java files to analyse (120 in the source roots) (4 s)"), lines);
        now[0] = 9 * s + 1;
        p.fileRead(100, 120);
        assertEquals("read 4 of 100 Java files to analyse (120 in the source roots) (9 s)", lines.get(1));
        p.phase("running 23 rules");
        assertEquals("running 23 rules (9 s)", lines.get(2));
        assertEquals(3, lines.size());
        new Linter.Progress(null, () -> now[0]).phase("nobody listens");
    }

    @Test
    void sourcesAreReadInTheDeclaredEncodingAndFilesNotValidInItAreStillReported() throws Exception {
        new SampleProject(dir).chainWithGaps();
        java.nio.charset.Charset cp1252 = java.nio.charset.Charset.forName("windows-1252");
        // the euro sign is byte 0x80 in windows-1252, a C1 control character when read as ISO-8859-1
        byte[] euro = ("package com.acme;\nimport dev.baton.runtime.chain.*;\nclass E { Object c = HandoffChain.builder(\"e\")"
                + ".agent(\"pricer\u20ac\").agent(\"b\").handoff(Handoff.from(\"pricer\u20ac\").to(\"b\").ownedBy(\"b\")); }\n")
                .getBytes(cp1252);
        Files.write(dir.resolve("src/main/java/com/acme/E.java"), euro);
        // 0x81 is unassigned in windows-1252
        Files.write(dir.resolve("src/main/java/com/acme/U.java"), new byte[] {'c', 'l', 'a', 's', 's', ' ', 'U', ' ', '{', ' ',
                '/', '/', ' ', (byte) 0x81, '\n', '}', '\n'});

        LintResult declared = Linter.run(request().encoding(cp1252).build());
        List<Finding> errors = declared.findings().stream().filter(f -> f.ruleId().equals("parse-error")).toList();
        assertEquals(1, errors.size(), errors.toString());
        assertEquals("src/main/java/com/acme/U.java", errors.get(0).location().file());
        assertEquals(1, errors.get(0).location().line());
        assertEquals(14, errors.get(0).location().column());
        assertTrue(errors.get(0).message().contains("not valid windows-1252, the encoding the build declares (byte 0x81 at offset 13)"),
                errors.get(0).message());
        Finding untyped = declared.findings().stream().filter(f -> f.ruleId().equals("untyped-handoff")
                && f.location().file().endsWith("E.java")).findFirst().orElseThrow();
        assertTrue(untyped.agents().stream().anyMatch(a -> a.contains("pricer\u20ac")), untyped.agents().toString());

        // read as UTF-8, the default, the same bytes are not valid: reported as before, the file still analysed
        LintResult asUtf8 = Linter.run(request().build());
        List<Finding> utf8 = asUtf8.findings().stream().filter(f -> f.ruleId().equals("parse-error")).toList();
        assertEquals(List.of("src/main/java/com/acme/E.java", "src/main/java/com/acme/U.java"),
                utf8.stream().map(f -> f.location().file()).toList());
        assertTrue(utf8.get(0).message().contains("not valid UTF-8 (byte 0x80 at offset"), utf8.get(0).message());
        assertTrue(asUtf8.findings().stream().anyMatch(f -> f.ruleId().equals("untyped-handoff") && f.location().file().endsWith("E.java")
                && f.agents().stream().anyMatch(a -> a.contains("pricer\u0080"))));
    }

    @Test
    void symlinkedFoldersAndFilesAreFollowedOnceAndLoopsReported() throws Exception {
        new SampleProject(dir).chainWithGaps().file("elsewhere/com/other/O.java", """
                package com.other;
                import dev.baton.runtime.chain.*;
                class O { Object c = HandoffChain.builder("o").agent("a").agent("b").handoff(Handoff.from("a").to("b").ownedBy("a")); }
                """);
        Path src = dir.resolve("src/main/java");
        try {
            Files.createSymbolicLink(src.resolve("linked"), dir.resolve("elsewhere"));
        } catch (UnsupportedOperationException | java.io.IOException e) {
            org.junit.jupiter.api.Assumptions.assumeTrue(false, "no symbolic links here: " + e);
        }
        Files.createSymbolicLink(src.resolve("com/acme/Alias.java"), src.resolve("com/acme/Chain.java"));
        Files.createSymbolicLink(src.resolve("com/acme/loop"), src.resolve("com"));
        LintResult r = Linter.run(request().build());
        assertEquals(2, r.stats().javaFiles(), "Chain.java once (its alias is the same file), O.java through the link");
        assertTrue(r.findings().stream().anyMatch(f -> f.location().file().equals("src/main/java/linked/com/other/O.java")),
                r.findings().toString());
        assertEquals(1, r.problems().size(), r.problems().toString());
        assertEquals("src/main/java/com/acme/loop", r.problems().get(0).file());
        assertTrue(r.problems().get(0).message().startsWith("symbolic link loop"), r.problems().get(0).message());
        assertEquals(0, r.failuresAt(Severity.ERROR) - r.count(Severity.ERROR), "an input problem is a warning");
    }

    @Test
    void aSchemaDirectoryThatDoesNotExistIsAConfigurationError() {
        new SampleProject(dir).chainWithGaps();
        LintConfigurationException e = assertThrows(LintConfigurationException.class,
                () -> Linter.run(request().schemaDir(Path.of("src/main/resource")).build()));
        assertTrue(e.getMessage().startsWith("schemaDirectories: " + dir.resolve("src/main/resource").toAbsolutePath().normalize()
                + " does not exist"), e.getMessage());
        // a source root that does not exist is skipped, as Maven lists generated-source roots before they exist
        assertTrue(Linter.run(request().sourceRoot(Path.of("target/generated-sources/x")).build()).problems().isEmpty());
    }

    @Test
    void schemasTheRuntimeWouldRefuseAtStartUpAreSchemaInvalidInItsWords() {
        new SampleProject(dir)
                .file("src/main/resources/schemas/cycle.schema.json", "{\n  \"$defs\": {\n    \"a\": {\"$ref\": \"#/$defs/b\"},\n"
                        + "    \"b\": {\"$ref\": \"#/$defs/a\"}\n  },\n  \"$ref\": \"#/$defs/a\"\n}\n")
                .file("src/main/resources/schemas/regex.schema.json", "{\n  \"type\": \"string\",\n  \"pattern\": \"[a-\"\n}\n")
                .file("src/main/resources/schemas/remote.schema.json", "{\n  \"type\": \"object\",\n  \"properties\": {\n"
                        + "    \"a\": {\"$ref\": \"https://schemas.example.invalid/a.json\"}\n  }\n}\n")
                .file("src/main/resources/schemas/tree.schema.json", "{\n  \"type\": \"object\",\n  \"properties\": {\n"
                        + "    \"kids\": {\"type\": \"array\", \"items\": {\"$ref\": \"#\"}},\n"
                        + "    \"line\": {\"$ref\": \"line.schema.json\"}\n  }\n}\n")
                .file("src/main/resources/schemas/line.schema.json", "{\"type\": \"object\", \"properties\": {\"sku\": {\"type\": \"string\"}}}");
        LintResult r = Linter.run(request().disable("schema-loose").build());
        List<Finding> invalid = r.findings().stream().filter(f -> f.ruleId().equals("schema-invalid")).toList();
        assertEquals(List.of("src/main/resources/schemas/cycle.schema.json:3", "src/main/resources/schemas/regex.schema.json:3",
                        "src/main/resources/schemas/remote.schema.json:4"),
                invalid.stream().map(f -> f.location().file() + ":" + f.location().line()).toList(), invalid.toString());
        for (Finding f : invalid) assertTrue(f.message().startsWith("the Baton runtime refuses this schema at start-up: "), f.message());
        String[] words = {"$ref cycle at /$defs/a/$ref that never descends", "invalid regular expression in pattern at /pattern",
                "remote $ref 'https://schemas.example.invalid/a.json' at /properties/a/$ref"};
        for (int i = 0; i < words.length; i++) {
            String runtime = runtimeReason(r, invalid.get(i));
            assertTrue(invalid.get(i).message().contains(runtime), "the runtime's own words: " + runtime);
            assertTrue(runtime.startsWith(words[i]), runtime);
        }
    }

    @Test
    void aRefCycleAcrossSchemaFilesIsSchemaInvalidInTheRuntimesWordsOnBothFiles() {
        new SampleProject(dir)
                .file("src/main/resources/schemas/note.schema.json", "{\n  \"type\": \"object\",\n  \"$ref\": \"memo.schema.json\"\n}\n")
                .file("src/main/resources/schemas/memo.schema.json", "{\n  \"anyOf\": [\n    {\"$ref\": \"note.schema.json\"},\n"
                        + "    {\"type\": \"string\"}\n  ]\n}\n");
        LintResult r = Linter.run(request().disable("schema-loose").build());
        List<Finding> invalid = r.findings().stream().filter(f -> f.ruleId().equals("schema-invalid")).toList();
        assertEquals(List.of("src/main/resources/schemas/memo.schema.json:3", "src/main/resources/schemas/note.schema.json:3"),
                invalid.stream().map(f -> f.location().file() + ":" + f.location().line()).toList(), invalid.toString());
        for (Finding f : invalid) {
            String runtime = runtimeReason(r, f);
            assertEquals("the Baton runtime refuses this schema at start-up: " + runtime + ".", f.message());
        }
        assertTrue(invalid.get(1).message().contains("$ref cycle at /$ref that never descends into the value: note.schema.json# "
                + "-[$ref]-> memo.schema.json# -[anyOf/0]-> memo.schema.json#/anyOf/0 -[$ref]-> note.schema.json#"),
                invalid.get(1).message());
    }

    /** What the runtime itself says at start-up about the file of {@code f}. */
    private String runtimeReason(LintResult r, Finding f) {
        try {
            var tree = tools.jackson.databind.json.JsonMapper.builder().build().readTree(Files.readString(dir.resolve(f.location().file())));
            dev.baton.runtime.contract.ContractSchemas.verify("x", dir.resolve(f.location().file()).toUri(), tree);
            throw new AssertionError("the runtime accepts " + f.location().file());
        } catch (dev.baton.runtime.contract.ContractDefinitionException e) {
            return e.reason();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void includesAndExcludesFilterRelativeToTheSourceRoot() {
        new SampleProject(dir).chainWithGaps()
                .file("src/main/java/com/acme/gen/Gen.java", Files.exists(dir) ? """
                        package com.acme.gen;
                        import dev.baton.runtime.chain.*;
                        class Gen { Object c = HandoffChain.builder("g").agent("a").agent("b").handoff(Handoff.from("a").to("b")); }
                        """ : "");
        LintResult all = Linter.run(request().build());
        LintResult noGen = Linter.run(request().exclude("**/gen/**").build());
        LintResult onlyGen = Linter.run(request().include("com/acme/gen/*.java").build());
        assertEquals(2, all.stats().javaFiles());
        assertEquals(1, noGen.stats().javaFiles());
        assertEquals(1, onlyGen.stats().javaFiles());
        assertTrue(onlyGen.findings().stream().allMatch(f -> f.location().file().contains("/gen/")));
    }

    @Test
    void unknownRuleIdsAndProfilesAreConfigurationErrorsNamingTheValidOnes() {
        LintConfigurationException e = assertThrows(LintConfigurationException.class,
                () -> Linter.run(request().disable("untyped-handof").build()));
        assertTrue(e.getMessage().contains("untyped-handof"), e.getMessage());
        assertTrue(e.getMessage().contains("untyped-handoff"), "lists the valid ids: " + e.getMessage());
        LintConfigurationException s = assertThrows(LintConfigurationException.class,
                () -> Linter.run(request().severity("no-such-rule", Severity.NOTE).build()));
        assertTrue(s.getMessage().contains("severityOverrides: no-such-rule"), s.getMessage());
        LintConfigurationException p = assertThrows(LintConfigurationException.class,
                () -> Linter.run(request().profile("paranoid").build()));
        assertTrue(p.getMessage().contains("paranoid"), p.getMessage());
    }

    @Test
    void aSuppressionNamingAnUnknownRuleIsReported() {
        new SampleProject(dir).file("src/main/java/com/acme/S.java", """
                package com.acme;
                import dev.baton.runtime.chain.*;
                class S {
                    @SuppressWarnings("baton:untyped-handof")
                    Object c = HandoffChain.builder("s").agent("a").agent("b").handoff(Handoff.from("a").to("b").ownedBy("a"));
                }
                """);
        LintResult r = Linter.run(request().build());
        assertEquals(1, r.problems().size(), r.problems().toString());
        InputProblem p = r.problems().get(0);
        assertEquals(4, p.line());
        assertEquals(30, p.column());
        assertTrue(p.message().contains("'untyped-handof'") && p.message().contains("untyped-handoff"), p.message());
        assertEquals(List.of("untyped-handoff"), r.findings().stream().map(Finding::ruleId).toList(), "nothing was suppressed");
    }

    @Test
    void disabledRulesAndSeverityOverridesApply() {
        new SampleProject(dir).chainWithGaps();
        LintResult r = Linter.run(request().disable("error-unowned").severity("untyped-handoff", Severity.NOTE).build());
        assertEquals(1, r.findings().size());
        assertEquals(Severity.NOTE, r.findings().get(0).severity());
    }

    @Test
    void fingerprintsSurviveLineMoves() {
        new SampleProject(dir).chainWithGaps();
        List<String> before = Linter.run(request().build()).findings().stream().map(Finding::fingerprint).sorted().toList();
        String moved = "// a licence header\n// that pushes everything down\n\n";
        new SampleProject(dir).file("src/main/java/com/acme/Chain.java", moved + read("src/main/java/com/acme/Chain.java"));
        LintResult after = Linter.run(request().build());
        assertEquals(13, after.findings().get(0).location().line());
        assertEquals(before, after.findings().stream().map(Finding::fingerprint).sorted().toList());
    }

    @Test
    void baselineAcceptsKnownFindingsReportsNewOnesAndStaleEntriesAndOnlyShrinks() {
        new SampleProject(dir).chainWithGaps();
        LintResult first = Linter.run(request().build());
        Path baseline = dir.resolve("baton-baseline.json");
        Baseline.write(baseline, first.findings());

        LintResult same = Linter.run(request().baseline(baseline).build());
        assertTrue(same.findings().isEmpty());
        assertEquals(2, same.baselined().size());
        assertTrue(same.staleBaselineEntries().isEmpty());

        // fix one gap (owner), add a new one elsewhere
        new SampleProject(dir).file("src/main/java/com/acme/Chain.java",
                read("src/main/java/com/acme/Chain.java").replace(".to(\"editor\"))", ".to(\"editor\").ownedBy(\"writer\"))"))
                .file("src/main/java/com/acme/Other.java", """
                        package com.acme;
                        import dev.baton.runtime.chain.*;
                        class Other { Object c = HandoffChain.builder("o").agent("x").agent("y")
                            .handoff(Handoff.from("x").to("y").ownedBy("x")); }
                        """);
        LintResult later = Linter.run(request().baseline(baseline).build());
        assertEquals(List.of("untyped-handoff"), later.findings().stream().map(Finding::ruleId).toList());
        assertEquals("src/main/java/com/acme/Other.java", later.findings().get(0).location().file());
        assertEquals(1, later.baselined().size());
        assertEquals(1, later.staleBaselineEntries().size());

        assertEquals(1, Baseline.shrink(baseline, later));
        assertEquals(1, Baseline.read(baseline).entries().size());
        assertFalse(read("baton-baseline.json").contains("Other.java"), "shrinking never adds the new finding");
    }

    @Test
    void malformedBaselineIsAConfigurationErrorNamingTheFile() {
        new SampleProject(dir).file("bad-baseline.json", "{ not json");
        LintConfigurationException e = assertThrows(LintConfigurationException.class,
                () -> Linter.run(request().baseline(Path.of("bad-baseline.json")).build()));
        assertTrue(e.getMessage().contains("bad-baseline.json"), e.getMessage());
    }

    @Test
    void rescanWithNothingChangedReusesTheCacheAndGivesTheSameResult() {
        new SampleProject(dir).chainWithGaps()
                .file("src/main/java/com/acme/Role.java", """
                        package com.acme;
                        import dev.baton.runtime.chain.AgentRole;
                        import tools.jackson.databind.json.JsonMapper;
                        @AgentRole("editor")
                        class Role { JsonMapper m = JsonMapper.builder().build();
                            Object read(String raw) { return m.readValue(raw, Object.class); } }
                        """);
        LintRequest req = request().cacheDir(Path.of("target/baton-cache")).build();
        LintResult cold = Linter.run(req);
        assertFalse(cold.stats().resultCached());
        assertEquals(2, cold.stats().parsedFiles());
        LintResult warm = Linter.run(req);
        assertTrue(warm.stats().resultCached());
        assertEquals(0, warm.stats().parsedFiles());
        assertEquals(cold.findings(), warm.findings());
        assertEquals(cold.graph().edges(), warm.graph().edges());

        // one file changes: the other's graph contribution comes from the cache, findings are recomputed
        new SampleProject(dir).file("src/main/java/com/acme/Chain.java",
                read("src/main/java/com/acme/Chain.java").replace(".to(\"editor\"))", ".to(\"editor\").ownedBy(\"writer\"))"));
        LintResult partial = Linter.run(req);
        assertFalse(partial.stats().resultCached());
        assertEquals(1, partial.stats().cachedFiles());
        assertTrue(partial.findings().stream().noneMatch(f -> f.ruleId().equals("error-unowned")));
        assertTrue(partial.findings().stream().anyMatch(f -> f.ruleId().equals("unvalidated-receive")),
                "facts of the unchanged file still reach the rules");
        assertNotEquals(cold.findings(), partial.findings());
    }

    @Test
    void contractSchemasResolveBesideTheSourcesOrUnderAWideSchemaDirectoryAndTheCacheIsNoSchema() {
        String chain = """
                package com.acme;
                import dev.baton.runtime.chain.*;
                import dev.baton.runtime.contract.Contract;
                class C { Object c = HandoffChain.builder("c").agent("a").agent("b")
                    .handoff(Handoff.from("a").to("b").contract(Contract.schema("schemas/x.schema.json")).ownedBy("a")); }
                """;
        String schema = "{\"type\": \"object\", \"properties\": {\"a\": {\"type\": \"string\"}}, "
                + "\"required\": [\"a\"], \"additionalProperties\": false}";
        new SampleProject(dir).file("src/main/java/com/acme/C.java", chain).file("src/main/resources/schemas/x.schema.json", schema);
        // no schema directory at all: found beside src/main/java
        LintResult beside = Linter.run(LintRequest.builder(dir).sourceRoot(Path.of("src/main/java")).build());
        assertTrue(beside.findings().isEmpty(), beside.findings().toString());
        // the whole project as source root and schema directory, with a cache inside it
        LintRequest wide = LintRequest.builder(dir).sourceRoot(Path.of(".")).schemaDir(Path.of("."))
                .cacheDir(Path.of("target/baton/cache")).build();
        Linter.run(wide);
        LintResult again = Linter.run(LintRequest.builder(dir).sourceRoot(Path.of(".")).schemaDir(Path.of(".")).build());
        assertTrue(again.findings().isEmpty(), again.findings().toString());
        assertEquals(1, again.stats().schemaFiles());
    }

    @Test
    void touchedButUnchangedFilesStillReuseTheResult() throws Exception {
        new SampleProject(dir).chainWithGaps();
        LintRequest req = request().cacheDir(Path.of("target/baton-cache")).build();
        LintResult cold = Linter.run(req);
        Path chain = dir.resolve("src/main/java/com/acme/Chain.java");
        Files.setLastModifiedTime(chain, java.nio.file.attribute.FileTime.fromMillis(Files.getLastModifiedTime(chain).toMillis() + 60_000));
        LintResult touched = Linter.run(req);
        assertTrue(touched.stats().resultCached());
        assertEquals(0, touched.stats().parsedFiles());
        assertEquals(cold.findings(), touched.findings());
    }

    @Test
    void aChangedSchemaInvalidatesTheCachedResult() {
        new SampleProject(dir).chainWithGaps()
                .file("src/main/resources/schemas/a.schema.json", "{\"type\": \"string\"}");
        LintRequest req = request().cacheDir(Path.of("target/baton-cache")).build();
        assertTrue(Linter.run(req).findings().stream().noneMatch(f -> f.ruleId().equals("schema-invalid")));
        new SampleProject(dir).file("src/main/resources/schemas/a.schema.json", "{\"type\": ");
        LintResult r = Linter.run(req);
        assertFalse(r.stats().resultCached());
        assertTrue(r.findings().stream().anyMatch(f -> f.ruleId().equals("schema-invalid")));
    }

    private String read(String rel) {
        try {
            return Files.readString(dir.resolve(rel));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
