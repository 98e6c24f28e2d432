package dev.baton.linter.report;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.baton.linter.engine.LintRequest;
import dev.baton.linter.engine.LintResult;
import dev.baton.linter.engine.Linter;
import dev.baton.linter.rules.RuleCatalog;
import dev.baton.linter.testing.SampleProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

class SarifReportTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;
    private LintResult result;
    private String sarif;

    @BeforeEach
    void lint() {
        new SampleProject(dir).chainWithGaps()
                .file("src/main/java/com/acme/Broken.java", "import dev.baton.runtime.chain.HandoffChain;\nclass Broken {\n  int x = ;\n}\n")
                .file("src/main/java/com/acme/With Space.java", """
                        package com.acme;
                        import dev.baton.runtime.chain.*;
                        class WithSpace { Object c = HandoffChain.builder("w").agent("a").agent("b").handoff(Handoff.from("a").to("b").ownedBy("a")); }
                        """)
                .file("src/main/resources/schemas/loose.schema.json", "{\"type\": \"object\", \"properties\": {\"a\": {}}}");
        result = Linter.run(LintRequest.builder(dir).sourceRoot(Path.of("src/main/java"))
                .schemaDir(Path.of("src/main/resources/schemas")).build());
        sarif = SarifReport.render(result, dir);
    }

    @Test
    void validAgainstTheOfficialSarif210Schema() throws IOException {
        Schema schema;
        try (InputStream in = getClass().getResourceAsStream("/sarif/sarif-2.1.0.json")) {
            assertNotNull(in, "the SARIF schema test resource");
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        }
        List<Error> errors = schema.validate(JSON.readTree(sarif));
        assertTrue(errors.isEmpty(), errors.toString());
    }

    @Test
    void whatGithubCodeScanningNeeds() {
        JsonNode run = JSON.readTree(sarif).get("runs").get(0);
        JsonNode rules = run.at("/tool/driver/rules");
        assertEquals(RuleCatalog.all().size(), rules.size());
        for (JsonNode r : rules) {
            for (String field : List.of("/id", "/name", "/shortDescription/text", "/fullDescription/text", "/help/text",
                    "/defaultConfiguration/level")) {
                assertFalse(r.at(field).asString("").isBlank(), r.get("id") + " lacks " + field);
            }
            assertTrue(r.at("/properties/tags").isArray());
        }
        assertTrue(run.at("/originalUriBaseIds/%SRCROOT%/uri").asString().startsWith("file:"));
        assertTrue(run.at("/originalUriBaseIds/%SRCROOT%/uri").asString().endsWith("/"));
        JsonNode results = run.get("results");
        assertEquals(result.findings().size(), results.size());
        assertTrue(results.size() >= 4);
        boolean sawSpace = false;
        for (JsonNode res : results) {
            int index = res.get("ruleIndex").asInt();
            assertEquals(res.get("ruleId").asString(), rules.get(index).get("id").asString());
            assertFalse(res.at("/message/text").asString().isBlank());
            JsonNode artifact = res.at("/locations/0/physicalLocation/artifactLocation");
            assertEquals("%SRCROOT%", artifact.get("uriBaseId").asString());
            assertFalse(artifact.get("uri").asString().contains(":"), "relative URI: " + artifact);
            assertFalse(artifact.get("uri").asString().startsWith("/"), "relative URI: " + artifact);
            sawSpace |= artifact.get("uri").asString().contains("With%20Space.java");
            assertTrue(res.at("/locations/0/physicalLocation/region/startLine").asInt() >= 1);
            assertEquals(16, res.at("/partialFingerprints/" + SarifReport.FINGERPRINT_KEY.replace("/", "~1")).asString().length());
        }
        assertTrue(sawSpace, "spaces in paths are percent-encoded");
        // a file that does not parse is a parse-error result (no longer a tool notification)
        assertTrue(run.at("/invocations/0/toolExecutionNotifications").isMissingNode());
        assertTrue(java.util.stream.StreamSupport.stream(results.spliterator(), false).anyMatch(res ->
                res.get("ruleId").asString().equals("parse-error") && res.at("/locations/0/physicalLocation/artifactLocation/uri")
                        .asString().equals("src/main/java/com/acme/Broken.java")));
    }

    @Test
    void everyRuleLinksToItsPageAndTheRunHasACategory() {
        JsonNode run = JSON.readTree(sarif).get("runs").get(0);
        for (JsonNode r : run.at("/tool/driver/rules")) {
            assertEquals(SarifReport.DEFAULT_HELP_URI_BASE + r.get("id").asString() + ".md", r.get("helpUri").asString());
            assertTrue(r.at("/help/markdown").asString().contains("(" + r.get("helpUri").asString() + ")"));
        }
        assertEquals("baton/", run.at("/automationDetails/id").asString());

        String custom = SarifReport.render(result, SarifReport.Settings.of(dir).withCategory("baton/payments")
                .withHelpUriBase("https://example.org/baton/rules"));
        JsonNode customRun = JSON.readTree(custom).get("runs").get(0);
        assertEquals("baton/payments/", customRun.at("/automationDetails/id").asString(), "the whole id is the category");
        assertEquals("https://example.org/baton/rules/untyped-handoff.md",
                customRun.at("/tool/driver/rules").valueStream().filter(r -> r.get("id").asString().equals("untyped-handoff"))
                        .findFirst().orElseThrow().get("helpUri").asString());
    }

    @Test
    void aModuleRunIsRelativeToTheDirectoryTheBuildStartedIn() {
        Path module = dir.resolve("services/app");
        new SampleProject(module).chainWithGaps();
        LintResult r = Linter.run(LintRequest.builder(module).sourceRoot(Path.of("src/main/java")).build());
        JsonNode run = JSON.readTree(SarifReport.render(r, SarifReport.Settings.of(module).withSrcRoot(dir))).get("runs").get(0);
        assertEquals(dir.toAbsolutePath().normalize().toUri().toString(), run.at("/originalUriBaseIds/%SRCROOT%/uri").asString());
        assertEquals("services/app/src/main/java/com/acme/Chain.java",
                run.at("/results/0/locations/0/physicalLocation/artifactLocation/uri").asString());

        // a source root that is not below the start directory keeps the project as its root
        JsonNode outside = JSON.readTree(SarifReport.render(r, SarifReport.Settings.of(module).withSrcRoot(dir.resolve("elsewhere"))))
                .get("runs").get(0);
        assertEquals("src/main/java/com/acme/Chain.java",
                outside.at("/results/0/locations/0/physicalLocation/artifactLocation/uri").asString());
        assertEquals(module.toAbsolutePath().normalize().toUri().toString(), outside.at("/originalUriBaseIds/%SRCROOT%/uri").asString());
    }

    /**
     * The official SARIF Multitool, installed by the build ({@code exec-maven-plugin}, npm), with the
     * SARIF rules and GitHub's ingestion rules: no error may be reported.
     */
    @Test
    void officialMultitoolValidatesWithNoErrors() throws Exception {
        assumeFalse(Boolean.getBoolean("baton.sarif.multitool.skip"), "baton.sarif.multitool.skip=true");
        String toolDir = System.getProperty("baton.sarif.multitool.dir");
        if (toolDir == null) fail("run through Maven: the build installs the multitool and sets baton.sarif.multitool.dir");
        Path tool = Path.of(toolDir, "node_modules", "@microsoft", "sarif-multitool-linux", "Sarif.Multitool");
        if (!Files.isRegularFile(tool)) fail("the SARIF multitool is not installed at " + tool + " (npm install failed?)");
        tool.toFile().setExecutable(true);
        Path input = dir.resolve("baton.sarif");
        Files.writeString(input, sarif, StandardCharsets.UTF_8);
        Path output = dir.resolve("validation.sarif");
        List<String> cmd = new ArrayList<>(List.of(tool.toString(), "validate", "--rule-kind", "Sarif;Gh",
                "--output", output.toString(), input.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        // .NET needs ICU unless told to run without it; fresh machines often lack libicu.
        pb.environment().put("DOTNET_SYSTEM_GLOBALIZATION_INVARIANT", "1");
        pb.environment().put("DOTNET_CLI_TELEMETRY_OPTOUT", "1");
        Process p = pb.start();
        String console = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "multitool timed out");
        assertTrue(Files.isRegularFile(output), "multitool wrote no log; exit " + p.exitValue() + ":\n" + console);
        JsonNode log = JSON.readTree(Files.readString(output));
        List<String> errors = new ArrayList<>();
        for (JsonNode r : log.at("/runs/0/results")) {
            if ("error".equals(r.path("level").asString("warning"))) {
                errors.add(r.path("ruleId").asString() + ": " + r.at("/message/text").asString(r.at("/message/id").asString()));
            }
        }
        for (JsonNode n : log.at("/runs/0/invocations/0/toolExecutionNotifications")) {
            if ("error".equals(n.path("level").asString())) errors.add("tool: " + n.at("/message/text").asString());
        }
        assertTrue(errors.isEmpty(), "multitool errors:\n" + String.join("\n", errors) + "\nconsole:\n" + console);
        assertEquals(0, p.exitValue(), console);
    }
}
