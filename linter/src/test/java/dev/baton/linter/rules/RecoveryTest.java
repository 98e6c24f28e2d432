package dev.baton.linter.rules;

import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.TryStmt;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How a catch body is read: only certain shapes are classified, everything else is OTHER (silence). */
class RecoveryTest {
    private static Recovery.Kind kind(String catchBody) {
        TryStmt t = StaticJavaParser.parseStatement("try { x(); } catch (RuntimeException e) {" + catchBody + "}").asTryStmt();
        CatchClause c = t.getCatchClauses().get(0);
        return Recovery.of(c).kind();
    }

    @Test
    void classifiesTheShapesItIsSureOf() {
        assertEquals(Recovery.Kind.RETHROWS, kind("log.warn(\"x\", e); throw new IllegalStateException(e);"));
        assertEquals(Recovery.Kind.ESCALATES, kind("escalations.open(ticket, e); return null;"));
        assertEquals(Recovery.Kind.CONTINUES, kind("log.warn(\"failed\", e);"));
        assertEquals(Recovery.Kind.CONTINUES, kind(""));
        assertEquals(Recovery.Kind.RETURNS_DEFAULT, kind("return null;"));
        assertEquals(Recovery.Kind.RETURNS_DEFAULT, kind("e.printStackTrace(); return List.of();"));
        assertEquals(Recovery.Kind.RETURNS_DEFAULT, kind("return Optional.empty();"));
        assertEquals(Recovery.Kind.RETURNS_DEFAULT, kind("return false;"));
        assertEquals(Recovery.Kind.RETURNS_EXCEPTION_PROSE, kind("return \"Error: \" + e.getMessage();"));
        assertEquals(Recovery.Kind.RETURNS_EXCEPTION_PROSE, kind("return e.getMessage();"));
        assertEquals(Recovery.Kind.RETURNS_FAILURE_PROSE, kind("return \"Sorry, the service is unavailable.\";"));
        assertEquals(Recovery.Kind.RETURNS_FAILURE_PROSE, kind("answer = \"N/A\";"));
        assertEquals(Recovery.Kind.FABRICATES, kind("return \"Sunny, 22 degrees.\";"));
        assertEquals(Recovery.Kind.FABRICATES, kind("return 0.2;"));
        assertEquals(Recovery.Kind.FABRICATES, kind("return true;"));
        assertEquals(Recovery.Kind.FABRICATES, kind("return new Forecast(city, \"Mild and dry\");"));
    }

    @Test
    void staysSilentOnWhatItCannotJudge() {
        assertEquals(Recovery.Kind.OTHER, kind("return fallbackAgent.answer(question);"));
        assertEquals(Recovery.Kind.OTHER, kind("errors.add(e); return cached;"));
        assertEquals(Recovery.Kind.OTHER, kind("return Map.of(\"status\", \"error\", \"message\", e.getMessage());"));
        assertEquals(Recovery.Kind.OTHER, kind("return new Unavailable(city, \"service down\");"));
        assertEquals(Recovery.Kind.OTHER, kind("return new Assessment(1.0, true);"));
        assertEquals(Recovery.Kind.OTHER, kind("metrics.increment(); return null;"));
    }
}
