package dev.baton.linter.engine;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SourceIndexTest {
    @Test
    void declaredTypesAndIdentifiersLeaveCommentsAndLiteralsOut() {
        SourceIndex.Entry e = SourceIndex.of("""
                package a;
                // class NotDeclared
                /* record AlsoNot(int x) */
                public record Outline(String topic) {
                    enum Level { LOW }
                    @interface Marker {}
                    String s = "class InString";
                    String t = \"""
                        interface InTextBlock
                        \""";
                    char c = '"';
                    Class<?> k = Outline.class;
                    Object o = java.util.List.of(Helper.run());
                }
                """);
        assertEquals(Set.of("Outline", "Level", "Marker"), e.declaredTypes());
        assertTrue(e.identifiers().contains("Helper"));
        assertFalse(e.identifiers().contains("NotDeclared"));
        assertFalse(e.identifiers().contains("InString"));
        assertFalse(e.identifiers().contains("InTextBlock"));
    }

    @Test
    void closureFollowsTypeNamesBothWaysAndNothingElse() {
        Map<String, SourceIndex.Entry> files = new LinkedHashMap<>();
        files.put("Agent.java", SourceIndex.of("import com.embabel.agent.api.annotation.Agent; @Agent class BlogAgent { Outline plan() { return null; } }"));
        files.put("Outline.java", SourceIndex.of("record Outline(Section first) {}"));
        files.put("Section.java", SourceIndex.of("record Section(String title) {}"));
        files.put("Workflow.java", SourceIndex.of("class Workflow { BlogAgent agent; }"));
        files.put("Unrelated.java", SourceIndex.of("class Unrelated { String title; }"));
        Set<String> relevant = SourceIndex.closure(files, p -> p.equals("Agent.java"));
        assertEquals(Set.of("Agent.java", "Outline.java", "Section.java", "Workflow.java"), relevant);
    }
}
