package dev.baton.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BatonCliTest {
    private static final String CHAIN = """
            package com.acme;

            import dev.baton.runtime.chain.Handoff;
            import dev.baton.runtime.chain.HandoffChain;

            final class Chain {
                static HandoffChain chain() {
                    return HandoffChain.builder("demo")
                            .agent("writer").agent("editor")
                            .handoff(Handoff.from("writer").to("editor"))
                            .build();
                }
            }
            """;

    private static void assertContains(String text, String part) {
        assertTrue(text.contains(part), () -> "expected '" + part + "' in:\n" + text);
    }

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return BatonCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private void write(String relative, String text) throws IOException {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    @Test
    void findingsAtOrAboveFailOnExitWithOneAndPrintClickableLinesRelativeToTheProject() throws IOException {
        write("src/main/java/com/acme/Chain.java", CHAIN);
        int code = run("check", dir.toString());
        assertEquals(BatonCli.FINDINGS, code);
        assertContains(out(), "src/main/java/com/acme/Chain.java:10:");
        assertContains(out(), "error [untyped-handoff]");
        assertContains(out(), "baton: 2 errors");
    }

    @Test
    void failOnNoneExitsZeroWithTheSameFindings() throws IOException {
        write("src/main/java/com/acme/Chain.java", CHAIN);
        assertEquals(BatonCli.OK, run("check", "--fail-on", "none", dir.toString()));
        assertContains(out(), "[error-unowned]");
    }

    @Test
    void findsEverySourceRootOfAMultiModuleBuildAndSkipsBuildOutput() throws IOException {
        write("a/src/main/java/com/acme/Chain.java", CHAIN);
        write("b/c/src/main/java/com/acme/Chain.java", CHAIN);
        write("a/target/generated/src/main/java/com/acme/Chain.java", CHAIN);
        run("check", dir.toString());
        assertContains(out(), "a/src/main/java/com/acme/Chain.java:10:");
        assertContains(out(), "b/c/src/main/java/com/acme/Chain.java:10:");
        assertFalse(out().contains("target/"), "target/");
    }

    @Test
    void sarifGoesToTheOutputFileWithPathsRelativeToTheProject() throws IOException {
        write("src/main/java/com/acme/Chain.java", CHAIN);
        Path sarif = dir.resolve("out/baton.sarif");
        int code = run("check", "--format", "sarif", "--output", sarif.toString(), dir.toString());
        assertEquals(BatonCli.FINDINGS, code);
        JsonNode root = JsonMapper.builder().build().readTree(sarif.toFile());
        assertEquals("2.1.0", root.path("version").asString());
        JsonNode results = root.path("runs").get(0).path("results");
        assertEquals(2, results.size());
        assertEquals("src/main/java/com/acme/Chain.java",
                results.get(0).path("locations").get(0).path("physicalLocation").path("artifactLocation").path("uri").asString());
        assertContains(err(), "baton: 2 errors");
    }

    @Test
    void jsonListsEveryFinding() throws IOException {
        write("src/main/java/com/acme/Chain.java", CHAIN);
        run("check", "--format=json", "--fail-on=none", dir.toString());
        JsonNode root = JsonMapper.builder().build().readTree(out());
        assertEquals(2, root.path("findings").size());
        assertEquals(10, root.path("findings").get(0).path("line").asInt());
    }

    @Test
    void disabledRulesAndSeverityOverridesApply() throws IOException {
        write("src/main/java/com/acme/Chain.java", CHAIN);
        int code = run("check", "--disable", "error-unowned", "--severity", "untyped-handoff=warning", dir.toString());
        assertEquals(BatonCli.OK, code);
        assertContains(out(), "warning [untyped-handoff]");
        assertFalse(out().contains("[error-unowned]"), "[error-unowned]");
    }

    @Test
    void aDirectoryWithNothingToAnalyseExitsThree() {
        assertEquals(BatonCli.NOTHING, run("check", dir.toString()));
        assertContains(err(), "nothing to analyse");
    }

    @Test
    void usageAndConfigurationErrorsExitTwoAndNameTheCulprit() throws IOException {
        assertEquals(BatonCli.USAGE, run("lint", dir.toString()));
        assertContains(err(), "unknown command 'lint'");
        err.reset();
        assertEquals(BatonCli.USAGE, run("check", "--fail-on", "fatal", dir.toString()));
        assertContains(err(), "--fail-on: unknown severity 'fatal'");
        err.reset();
        assertEquals(BatonCli.USAGE, run("check", "--frobnicate", dir.toString()));
        assertContains(err(), "unknown option '--frobnicate'");
        err.reset();
        assertEquals(BatonCli.USAGE, run("check", dir.resolve("missing").toString()));
        assertContains(err(), "no such directory");
        err.reset();
        write("src/main/java/com/acme/Chain.java", CHAIN);
        assertEquals(BatonCli.USAGE, run("check", "--disable", "no-such-rule", dir.toString()));
        assertContains(err(), "no-such-rule");
    }

    @Test
    void anAgentFileThatDoesNotParseIsAnErrorThatExitsOne() throws IOException {
        write("src/main/java/com/acme/Half.java", "package com.acme;\nimport dev.baton.runtime.chain.HandoffChain;\n"
                + "class Half {\n  Object c = HandoffChain.builder(\"h\")\n      .agent(\"a\"\n      .build();\n}\n");
        assertEquals(BatonCli.FINDINGS, run("check", dir.toString()));
        assertContains(out(), "src/main/java/com/acme/Half.java:6:");
        assertContains(out(), "error [parse-error] this file does not parse");
        assertContains(out(), "baton: 1 error");
        out.reset();
        assertEquals(BatonCli.OK, run("check", "--fail-on", "none", dir.toString()));
        out.reset();
        // disabled, the file no longer fails the build: the choice is the user's, and it is visible
        assertEquals(BatonCli.OK, run("check", "--disable", "parse-error", dir.toString()));
    }

    @Test
    void aFileThatIsNotUtf8IsAWarningThatFailsOnlyAtFailOnWarning() throws IOException {
        write("src/main/java/com/acme/Chain.java", CHAIN.replace("final class Chain {", "final class Chain { // caf\u00e9")
                .replace(".handoff(Handoff.from(\"writer\").to(\"editor\"))", ""));
        Path file = dir.resolve("src/main/java/com/acme/Chain.java");
        Files.write(file, Files.readString(file).getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(BatonCli.OK, run("check", dir.toString()));
        assertContains(out(), "src/main/java/com/acme/Chain.java:6:");
        assertContains(out(), "warning [parse-error] this file is not valid UTF-8");
        assertEquals(BatonCli.FINDINGS, run("check", "--fail-on", "warning", dir.toString()));
    }

    @Test
    void encodingNamesTheCharsetTheSourcesAreWrittenIn() throws IOException {
        write("src/main/java/com/acme/Chain.java", CHAIN.replace("final class Chain {", "final class Chain { // caf\u00e9 \u20ac")
                .replace(".handoff(Handoff.from(\"writer\").to(\"editor\"))", ""));
        Path file = dir.resolve("src/main/java/com/acme/Chain.java");
        Files.write(file, Files.readString(file).getBytes(java.nio.charset.Charset.forName("windows-1252")));
        assertEquals(BatonCli.OK, run("check", "--fail-on", "warning", "--encoding", "windows-1252", dir.toString()));
        assertFalse(out().contains("parse-error"), out());
        assertEquals(BatonCli.FINDINGS, run("check", "--fail-on", "warning", dir.toString()));
        assertContains(out(), "warning [parse-error] this file is not valid UTF-8");
        assertEquals(BatonCli.USAGE, run("check", "--encoding=no-such-charset", dir.toString()));
        assertContains(err(), "--encoding: unknown or unsupported encoding 'no-such-charset'");
    }

    @Test
    void helpUriBasePointsSarifAndHtmlRuleLinksAtTheTeamsOwnDocs() throws IOException {
        write("src/main/java/com/acme/Chain.java", CHAIN);
        Path sarif = dir.resolve("out.sarif");
        assertEquals(BatonCli.FINDINGS, run("check", "--format", "sarif", "--output", sarif.toString(),
                "--help-uri-base", "https://docs.example.test/baton/rules", dir.toString()));
        assertContains(Files.readString(sarif), "https://docs.example.test/baton/rules/error-unowned.md");
        Path html = dir.resolve("out.html");
        assertEquals(BatonCli.FINDINGS, run("check", "--format", "html", "--output", html.toString(),
                "--help-uri-base=https://docs.example.test/baton/rules/", dir.toString()));
        assertContains(Files.readString(html), "https://docs.example.test/baton/rules/error-unowned.md");
        assertEquals(BatonCli.USAGE, run("check", "--help-uri-base", " ", dir.toString()));
    }

    @Test
    void aSchemaDirectoryThatDoesNotExistExitsTwoNamingIt() throws IOException {
        write("src/main/java/com/acme/Chain.java", CHAIN);
        Path missing = dir.resolve("schemas-typo");
        assertEquals(BatonCli.USAGE, run("check", "--schema-dir", missing.toString(), dir.toString()));
        assertContains(err(), "schemaDirectories: " + missing + " does not exist");
        Files.createDirectories(dir.resolve("schemas"));
        Files.writeString(dir.resolve("schemas/loop.schema.json"), "{\"$defs\": {\"a\": {\"$ref\": \"#/$defs/a\"}}}");
        assertEquals(BatonCli.FINDINGS, run("check", "--schema-dir", dir.resolve("schemas").toString(), dir.toString()));
        assertContains(out(), "schemas/loop.schema.json:1:");
        assertContains(out(), "[schema-invalid] the Baton runtime refuses this schema at start-up: $ref cycle");
    }

    @Test
    void helpPrintsUsageWithTheExitCodes() {
        assertEquals(BatonCli.OK, run("--help"));
        assertContains(out(), "usage: baton check");
        assertContains(out(), "exit codes");
    }
}
