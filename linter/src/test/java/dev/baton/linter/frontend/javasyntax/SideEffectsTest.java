package dev.baton.linter.frontend.javasyntax;

import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.MethodDeclaration;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SideEffectsTest {
    private static MethodDeclaration method(String code) {
        return StaticJavaParser.parseMethodDeclaration(code);
    }

    private static MethodDeclaration inClass(String code, String name) {
        CompilationUnit u = StaticJavaParser.parse("class T { " + code + " }");
        return u.findAll(MethodDeclaration.class).stream().filter(m -> m.getNameAsString().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void whatTheBodyDoesDecides() {
        assertTrue(SideEffects.of(method("String save(String p, String c) throws Exception { Files.writeString(Path.of(p), c); return \"ok\"; }"))
                .orElseThrow().startsWith("writes a file"));
        assertTrue(SideEffects.of(method("String sh(String c) throws Exception { var pb = new ProcessBuilder(\"bash\", \"-c\", c); return \"\"; }"))
                .orElseThrow().startsWith("runs a process"));
        assertTrue(SideEffects.of(method("void go(String u) { client.send(HttpRequest.newBuilder(URI.create(u)).POST(BodyPublishers.noBody()).build(), h); }"))
                .orElseThrow().contains("HTTP POST"));
        assertTrue(SideEffects.of(method("void keep(Order o) { orderRepository.save(o); }")).orElseThrow().contains("database"));
        assertTrue(SideEffects.of(method("void keep(Car c) { c.persist(); }")).orElseThrow().contains("database"));
        assertTrue(SideEffects.of(method("void mail(Message m) { mailSender.send(m); }")).orElseThrow().startsWith("sends a message"));
        assertTrue(SideEffects.of(method("void hook(String u) { restTemplate.postForEntity(u, null, String.class); }")).isPresent());
    }

    @Test
    void readingComputingAndCollectionsDoNot() {
        assertFalse(SideEffects.of(method("String read(String p) throws Exception { return Files.readString(Path.of(p)); }")).isPresent());
        assertFalse(SideEffects.of(method("String sum(List<String> l) { l.remove(0); var sb = new StringBuilder(); sb.append(l); return sb.toString(); }")).isPresent());
        assertFalse(SideEffects.of(method("void clean(Map<String, String> items) { items.remove(\"x\"); cache.put(\"k\", \"v\"); }")).isPresent(),
                "remove on a map is not a repository delete");
        assertFalse(SideEffects.of(method("String request(int n) { Log.info(\"cleaning requested\"); return summary(n); }")).isPresent(),
                "a mock that only logs");
    }

    @Test
    void ownMethodsAreFollowedTwoLevels() {
        String code = "String tool(String p) { return step(p); } String step(String p) { return write(p); } "
                + "String write(String p) { try { Files.writeString(Path.of(p), \"\"); } catch (Exception e) { } return p; }";
        assertTrue(SideEffects.of(inClass(code, "tool")).isPresent());
        String deeper = "String tool(String p) { return a(p); } String a(String p) { return b(p); } String b(String p) { return c(p); } "
                + "String c(String p) { try { Files.writeString(Path.of(p), \"\"); } catch (Exception e) { } return p; }";
        assertFalse(SideEffects.of(inClass(deeper, "tool")).isPresent(), "three levels down is out of reach");
    }

    @Test
    void aDeclarationIsHonouredAndLocalFilesCanBeLeftOut() {
        assertEquals("declared @SideEffect", SideEffects.of(method("@SideEffect String file(String e) { return erp.call(e); }")).orElseThrow());
        assertTrue(SideEffects.of(method("@dev.baton.runtime.SideEffect String file(String e) { return erp.call(e); }")).isPresent());
        MethodDeclaration report = method("void saveReport(String r) throws Exception { Files.writeString(Path.of(\"out.md\"), r); }");
        assertTrue(SideEffects.of(report).isPresent());
        assertFalse(SideEffects.beyondLocalFiles(report).isPresent(), "an action writing its own output file");
        assertTrue(SideEffects.beyondLocalFiles(method("void keep(Order o) { orderRepository.save(o); }")).isPresent());
    }

    @Test
    void toolNamesWithMutatingVerbsAct() {
        assertTrue(SideEffectVerbs.isSideEffectingTool("writeFile", ""));
        assertTrue(SideEffectVerbs.isSideEffectingTool("bash", ""));
        assertTrue(SideEffectVerbs.isSideEffectingTool("editFile", ""));
        assertTrue(SideEffectVerbs.isSideEffectingTool("create_post", ""));
        assertTrue(SideEffectVerbs.isSideEffectingTool("run", "Execute a shell command"));
        assertFalse(SideEffectVerbs.isSideEffectingTool("readFile", "Read the contents of a file"));
        assertFalse(SideEffectVerbs.isSideEffectingTool("glob", "Find files matching a pattern"));
        assertFalse(SideEffectVerbs.isSideEffectingTool("updateHistory", ""), "a noun after the verb");
        assertFalse(SideEffectVerbs.isSideEffecting("writeStory", 1), "an agent method named write is not a tool");
    }
}
