package dev.baton.linter.frontend.javasyntax;

import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.CompilationUnit;
import dev.baton.linter.rules.HandoffUnwiredRule;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Name resolution through imports, placeholders and the near-miss test, without a classpath. */
class JavaSyntaxTest {

    @Test
    void importsResolveSingleWildcardSamePackageAndNestedNames() {
        CompilationUnit unit = StaticJavaParser.parse("""
                package com.acme;
                import dev.langchain4j.agentic.Agent;
                import dev.langchain4j.agentic.declarative.*;
                import static dev.langchain4j.agentic.AgenticServices.sequenceBuilder;
                class Outer { interface Inner {} }
                """);
        Imports imports = Imports.of(unit);
        assertTrue(imports.refersTo("Agent", "dev.langchain4j.agentic.Agent"));
        assertFalse(imports.refersTo("Agent", "com.embabel.agent.api.annotation.Agent"));
        assertTrue(imports.refersTo("LoopAgent", "dev.langchain4j.agentic.declarative.LoopAgent"));
        assertTrue(imports.refersTo("dev.langchain4j.agentic.Agent", "dev.langchain4j.agentic.Agent"));
        assertTrue(imports.staticallyImports("sequenceBuilder", "dev.langchain4j.agentic.AgenticServices"));
        assertEquals(Optional.of("com.acme.Outer.Inner"), imports.resolve("Inner"));
        assertEquals(Optional.of("com.acme.Story"), imports.resolve("Story"));
        assertEquals(Optional.of("java.lang.String"), imports.resolve("String"));
        assertEquals("List", Imports.simpleName("java.util.List<String>"));
    }

    @Test
    void placeholdersOfBothStyles() {
        assertEquals(List.of("topic", "Category"), Placeholders.doubleBraced("Write about {{topic}} in {{ Category }}.")
                .stream().map(Placeholders.Placeholder::name).toList());
        assertEquals(List.of("current_story"), Placeholders.singleBraced("Edit {current_story}; {maybe?} is optional; {{x}} is not ADK")
                .stream().map(Placeholders.Placeholder::name).toList());
    }

    @Test
    void nearMissesAreCaseSeparatorOrOneLetterApart() {
        assertTrue(HandoffUnwiredRule.nearMiss("SithName", "sithName"));
        assertTrue(HandoffUnwiredRule.nearMiss("customerName", "customer_name"));
        assertTrue(HandoffUnwiredRule.nearMiss("storyDraft", "storyDraf"));
        assertFalse(HandoffUnwiredRule.nearMiss("story", "style"), "short keys one letter apart are different words");
        assertFalse(HandoffUnwiredRule.nearMiss("decision", "decision"));
        assertFalse(HandoffUnwiredRule.nearMiss("approval", "reply"));
    }

    @Test
    void literalsJoinConstantConcatenationsAndTextArrays() {
        CompilationUnit unit = StaticJavaParser.parse("""
                class A {
                    @UserMessage({"Write about", "{{topic}}"}) String a = "x" + "y";
                }
                """);
        var field = unit.findFirst(com.github.javaparser.ast.body.VariableDeclarator.class).orElseThrow();
        assertEquals(Optional.of("xy"), Literals.string(field.getInitializer().orElseThrow()));
        var annotation = unit.findFirst(com.github.javaparser.ast.expr.AnnotationExpr.class).orElseThrow();
        assertEquals(Optional.of("Write about\n{{topic}}"), Literals.stringAttribute(annotation, "value"));
    }
}
