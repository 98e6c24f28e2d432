package dev.baton.linter.rules;

import dev.baton.linter.engine.LintRequest;
import dev.baton.linter.engine.LintResult;
import dev.baton.linter.engine.Linter;
import dev.baton.linter.rule.Finding;
import dev.baton.linter.testing.SampleProject;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pairs of producer/consumer schemas: a witness is found exactly when one exists among the kinds of drift teams make. */
class SchemaIncompatibleTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            enum member added         | {"enum": ["low", "mid", "high"]}                   | {"enum": ["low", "high"]}                     | "mid"
            type widened              | {"type": ["integer", "string"]}                     | {"type": "integer"}                           | "
            closed consumer           | {"type": "object", "properties": {"a": {"type": "string"}}, "required": ["a"]} | {"type": "object", "properties": {"a": {"type": "string"}}, "required": ["a"], "additionalProperties": false} | unexpectedField
            shorter limit             | {"type": "array", "items": {"type": "string", "maxLength": 100}} | {"type": "array", "items": {"type": "string", "maxLength": 10}} | yyyyyyyyyyy
            required added            | {"type": "object", "properties": {"a": {"type": "string"}, "b": {"type": "integer"}}, "required": ["a"]} | {"type": "object", "properties": {"a": {"type": "string"}, "b": {"type": "integer"}}, "required": ["a", "b"]} | {"a":
            producer stricter         | {"type": "integer", "minimum": 1, "maximum": 5}    | {"type": "integer", "minimum": 0, "maximum": 10} |
            same shape different file | {"type": "object", "properties": {"a": {"type": "string"}}, "required": ["a"], "additionalProperties": false} | {"type": "object", "properties": {"a": {"type": "string"}}, "required": ["a"], "additionalProperties": false} |
            """)
    void witnessExactlyWhenTheConsumerRejectsSomethingTheProducerAdmits(String name, String producer, String consumer, String witness) {
        new SampleProject(dir)
                .file("src/main/resources/schemas/producer.schema.json", producer)
                .file("src/main/resources/schemas/consumer.schema.json", consumer)
                .file("src/main/java/com/acme/Chain.java", """
                        package com.acme;
                        import dev.baton.runtime.boundary.Boundary;
                        import dev.baton.runtime.chain.*;
                        import dev.baton.runtime.contract.Contract;
                        class Chain {
                            Object c = HandoffChain.builder("c").agent("a").agent("b")
                                .handoff(Handoff.from("a").to("b").contract(Contract.schema("schemas/producer.schema.json")).ownedBy("a"));
                            @AgentRole("b")
                            static class B {
                                Boundary<?> in = Boundary.of(Contract.schema("schemas/consumer.schema.json"), "a");
                            }
                        }
                        """);
        LintResult r = new Linter(List.of(new SchemaIncompatibleRule()), dev.baton.linter.rules.RuleCatalog.frontends())
                .lint(LintRequest.builder(dir).sourceRoot(Path.of("src/main/java")).build());
        List<Finding> found = r.findings();
        if (witness == null) {
            assertTrue(found.isEmpty(), found.toString());
        } else {
            assertEquals(1, found.size(), found.toString());
            assertEquals(10, found.get(0).location().line());
            assertTrue(found.get(0).message().contains(witness), found.get(0).message());
        }
    }
}
