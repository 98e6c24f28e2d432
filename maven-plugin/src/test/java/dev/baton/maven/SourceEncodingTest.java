package dev.baton.maven;

import dev.baton.linter.engine.LintConfigurationException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SourceEncodingTest {

    @Test
    void theProjectsSourceEncodingReachesTheLinterAndUtf8IsTheDefault() {
        assertEquals(Charset.forName("windows-1252"), AbstractBatonMojo.sourceEncoding("windows-1252"));
        assertEquals(StandardCharsets.ISO_8859_1, AbstractBatonMojo.sourceEncoding(" ISO-8859-1 "));
        assertEquals(StandardCharsets.UTF_8, AbstractBatonMojo.sourceEncoding(null), "no sourceEncoding declared");
        assertEquals(StandardCharsets.UTF_8, AbstractBatonMojo.sourceEncoding(""));
    }

    @Test
    void anUnknownEncodingIsAConfigurationErrorNamingIt() {
        LintConfigurationException e = assertThrows(LintConfigurationException.class,
                () -> AbstractBatonMojo.sourceEncoding("utf-nine"));
        assertTrue(e.getMessage().contains("unknown or unsupported encoding 'utf-nine'"), e.getMessage());
    }

    @Test
    void theEncodingParameterDefaultsToProjectBuildSourceEncoding() throws IOException {
        try (InputStream in = SourceEncodingTest.class.getResourceAsStream("/META-INF/maven/plugin.xml")) {
            assertNotNull(in, "the plugin descriptor is generated before the tests run");
            String descriptor = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(descriptor.matches("(?s).*<encoding implementation=\"java.lang.String\" "
                    + "default-value=\"\\$\\{project.build.sourceEncoding}\">\\$\\{baton.encoding}</encoding>.*"), descriptor);
        }
    }
}
