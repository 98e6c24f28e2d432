package dev.baton.linter.frontend.javasyntax;

import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.body.MethodDeclaration;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SideEffectVerbsTest {
    @Test
    void verbsWithArgumentsActOnTheWorld() {
        assertTrue(SideEffectVerbs.isSideEffecting("sendEmail", 2));
        assertTrue(SideEffectVerbs.isSideEffecting("bookRoom", 1));
        assertTrue(SideEffectVerbs.isSideEffecting("charge", 1));
        assertTrue(SideEffectVerbs.isSideEffecting("place_order", 1));
    }

    @Test
    void nounsGettersAndGenericVerbsDoNot() {
        assertFalse(SideEffectVerbs.isSideEffecting("chargeAmount", 0), "no arguments: a noun");
        assertFalse(SideEffectVerbs.isSideEffecting("orderBy", 1));
        assertFalse(SideEffectVerbs.isSideEffecting("writeStory", 1), "write is too generic");
        assertFalse(SideEffectVerbs.isSideEffecting("createOutline", 1));
        assertFalse(SideEffectVerbs.isSideEffecting("bookkeeping", 1), "the verb must be a whole word");
        assertFalse(SideEffectVerbs.isSideEffecting("notifyAll", 1));
        assertFalse(SideEffectVerbs.isSideEffecting("checkAvailability", 1));
    }

    @Test
    void aGuardIsCodeEvidenceNotACommentMentioningIt() {
        MethodDeclaration guarded = StaticJavaParser.parseMethodDeclaration(
                "String book(String id) { String idempotencyKey = \"b:\" + id; return hotels.reserve(id, idempotencyKey); }");
        MethodDeclaration commented = StaticJavaParser.parseMethodDeclaration(
                "// TODO make this idempotent\nString book(String id) { return hotels.reserve(id); }");
        MethodDeclaration claimed = StaticJavaParser.parseMethodDeclaration(
                "@Tool(description = \"Idempotent booking\") String book(String id) { return hotels.reserve(id); }");
        MethodDeclaration keyed = StaticJavaParser.parseMethodDeclaration(
                "String book(String id, String idempotencyKey) { return hotels.reserve(id, idempotencyKey); }");
        assertTrue(SideEffectVerbs.guarded(guarded));
        assertTrue(SideEffectVerbs.guarded(keyed));
        assertFalse(SideEffectVerbs.guarded(commented));
        assertFalse(SideEffectVerbs.guarded(claimed), "a description is a claim, not a guard");
    }

    @Test
    void toolsActByNameOrDescriptionButANounTailReadsAsAThing() {
        assertTrue(SideEffectVerbs.isSideEffectingTool("sendReport", null), "a tool is a call even without arguments");
        assertTrue(SideEffectVerbs.isSideEffectingTool("orderPizza", ""));
        assertTrue(SideEffectVerbs.isSideEffectingTool("reserveTable", "Books a table"));
        assertTrue(SideEffectVerbs.isSideEffectingTool("handle", "Refunds the customer's last payment"));
        assertTrue(SideEffectVerbs.isSideEffectingTool("issueRefund", "Issues a refund to the card"));
        assertFalse(SideEffectVerbs.isSideEffectingTool("issueCount", null));
        assertFalse(SideEffectVerbs.isSideEffectingTool("orderHistory", "Looks up the customer's order history"));
        assertFalse(SideEffectVerbs.isSideEffectingTool("bookDetails", null));
        assertFalse(SideEffectVerbs.isSideEffectingTool("lookUpWeather", "Returns the weather forecast"));
    }
}
