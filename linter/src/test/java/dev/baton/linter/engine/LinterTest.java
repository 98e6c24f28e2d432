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
        return LintRequest.builder(dir).sourceRoot(Path.of("src/main/java")).schemaDir(Path.of("src/main/resources/schemas"));
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
        assertEquals(1, r.problems().size(), r.problems().toString());
        InputProblem p = r.problems().get(0);
        assertEquals("src/main/java/com/acme/Broken.java", p.file());
        assertEquals(4, p.line());
        assertTrue(p.message().startsWith("could not parse: "), p.message());
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
        assertTrue(r.problems().stream().anyMatch(p -> p.file().endsWith("Deep.java") && p.message().startsWith("could not parse")),
                r.problems().toString());
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
