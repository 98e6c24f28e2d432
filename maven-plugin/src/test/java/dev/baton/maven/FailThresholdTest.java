package dev.baton.maven;

import dev.baton.linter.engine.LintConfigurationException;
import dev.baton.linter.rule.Severity;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FailThresholdTest {

    @Test
    void errorFailsOnlyOnErrors() {
        FailThreshold t = FailThreshold.parse("error");
        assertTrue(t.fails(Severity.ERROR));
        assertFalse(t.fails(Severity.WARNING));
        assertFalse(t.fails(Severity.NOTE));
    }

    @Test
    void warningFailsOnWarningsAndErrors() {
        FailThreshold t = FailThreshold.parse(" Warning ");
        assertTrue(t.fails(Severity.ERROR));
        assertTrue(t.fails(Severity.WARNING));
        assertFalse(t.fails(Severity.NOTE));
        assertEquals("warning", t.label());
    }

    @Test
    void noneNeverFails() {
        FailThreshold t = FailThreshold.parse("none");
        for (Severity s : Severity.values()) assertFalse(t.fails(s));
        assertEquals("none", t.label());
    }

    @Test
    void unsetMeansError() {
        assertEquals(FailThreshold.parse("error"), FailThreshold.parse(null));
    }

    @Test
    void unknownValueNamesTheParameterAndTheChoices() {
        LintConfigurationException e = assertThrows(LintConfigurationException.class, () -> FailThreshold.parse("fatal"));
        assertTrue(e.getMessage().contains("'failOn'"), e.getMessage());
        assertTrue(e.getMessage().contains("baton.failOn"), e.getMessage());
        assertTrue(e.getMessage().contains("'fatal'"), e.getMessage());
        assertTrue(e.getMessage().contains("error, warning, note, none"), e.getMessage());
    }
}
