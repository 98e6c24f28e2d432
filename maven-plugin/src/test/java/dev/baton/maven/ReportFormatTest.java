package dev.baton.maven;

import dev.baton.linter.engine.LintConfigurationException;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportFormatTest {

    @Test
    void commaSeparatedAndListFormsAgree() {
        assertEquals(EnumSet.of(ReportFormat.SARIF, ReportFormat.HTML), ReportFormat.parse(List.of("sarif, HTML")));
        assertEquals(EnumSet.of(ReportFormat.SARIF, ReportFormat.HTML), ReportFormat.parse(List.of("html", "sarif")));
    }

    @Test
    void noneAndBlankWriteNoFile() {
        assertEquals(Set.of(), ReportFormat.parse(List.of("none")));
        assertEquals(Set.of(), ReportFormat.parse(List.of(" ", "")));
        assertEquals(Set.of(), ReportFormat.parse(null));
    }

    @Test
    void unknownFormatNamesTheParameter() {
        LintConfigurationException e = assertThrows(LintConfigurationException.class,
                () -> ReportFormat.parse(List.of("sarif,pdf")));
        assertTrue(e.getMessage().contains("'formats'"), e.getMessage());
        assertTrue(e.getMessage().contains("'pdf'"), e.getMessage());
    }
}
