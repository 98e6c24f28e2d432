package dev.baton.linter.frontend.javasyntax;

import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.MethodDeclaration;
import dev.baton.linter.frontend.ParsedSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How a call's receiver is resolved to a class of the program, and when it is not. Sources here are parsed,
 * not compiled: the Quarkus {@code Arc} container is not on the test classpath (the agentic fixture
 * {@code cross-type-effects} is the compiled end-to-end case).
 */
class TypeEffectsTest {
    private static final String APPROVALS = """
            package shop.service;

            import jakarta.persistence.EntityManager;

            public class ApprovalService {
                EntityManager entityManager;

                public String propose(String car) {
                    Runnable later = () -> createInNewTransaction(car);
                    later.run();
                    return car;
                }

                void createInNewTransaction(String car) {
                    Proposal p = new Proposal(car);
                    p.persist();
                }

                public String pending(String car) {
                    return entityManager.find(Proposal.class, car).toString();
                }

                public static void purge(String car) {
                    Proposal.deleteById(car);
                }
            }
            """;

    private final List<ParsedSource> sources = new ArrayList<>();

    private TypeEffectsTest add(String path, String code) {
        CompilationUnit unit = StaticJavaParser.parse(code);
        sources.add(new ParsedSource(path, code, unit));
        return this;
    }

    private Optional<String> effectOf(String path, String method) {
        CompilationUnit unit = sources.stream().filter(s -> s.path().equals(path)).findFirst().orElseThrow().unit();
        MethodDeclaration m = unit.findFirst(MethodDeclaration.class, d -> d.getNameAsString().equals(method)).orElseThrow();
        return TypeEffects.of(sources).through(m, true);
    }

    private static String agent(String body) {
        return """
                package shop.agents;

                import io.quarkus.arc.Arc;
                import jakarta.inject.Inject;
                import org.springframework.context.ApplicationContext;
                import shop.service.ApprovalService;

                public class Approvals {
                    @Inject
                    ApprovalService injected;
                    ApplicationContext context;

                    public String act(String car) {
                        %s
                    }
                }
                """.formatted(body);
    }

    @Test
    void aBeanTheCodeHoldsOrLooksUpIsFollowedIntoItsClass() {
        for (String body : List.of(
                "return injected.propose(car);",
                "ApprovalService s = Arc.container().instance(ApprovalService.class).get(); return s.propose(car);",
                "var s = Arc.container().instance(ApprovalService.class).get(); return s.propose(car);",
                "return Arc.container().instance(ApprovalService.class).get().propose(car);",
                "return context.getBean(ApprovalService.class).propose(car);",
                "return new ApprovalService().propose(car);",
                "ApprovalService.purge(car); return car;")) {
            sources.clear();
            add("app/src/main/java/shop/agents/Approvals.java", agent(body))
                    .add("app/src/main/java/shop/service/ApprovalService.java", APPROVALS);
            Optional<String> does = effectOf("app/src/main/java/shop/agents/Approvals.java", "act");
            assertTrue(does.isPresent(), body);
            assertTrue(does.get().startsWith("writes to a database"), does.get());
            assertTrue(does.get().contains(" through ApprovalService."), does.get());
        }
    }

    @Test
    void aMethodOfTheClassThatOnlyReadsIsNoEffect() {
        add("app/src/main/java/shop/agents/Approvals.java", agent("return injected.pending(car);"))
                .add("app/src/main/java/shop/service/ApprovalService.java", APPROVALS);
        assertEquals(Optional.empty(), effectOf("app/src/main/java/shop/agents/Approvals.java", "act"));
    }

    @Test
    void aReceiverOfUnknownTypeOrAClassOutsideTheProgramIsNotFollowed() {
        add("app/src/main/java/shop/agents/Approvals.java", agent("var s = lookup(); return s.propose(car) + context.getId();"))
                .add("app/src/main/java/shop/service/ApprovalService.java", APPROVALS);
        assertEquals(Optional.empty(), effectOf("app/src/main/java/shop/agents/Approvals.java", "act"));
    }

    @Test
    void anInterfaceIsFollowedOnlyIntoItsOneImplementation() {
        String face = "package shop.service;\npublic interface Proposals { String propose(String car); }";
        String acting = "package shop.service;\npublic class DbProposals implements Proposals {\n"
                + "  public String propose(String car) { new Proposal(car).persist(); return car; } }";
        String quiet = "package shop.service;\npublic class MemoryProposals implements Proposals {\n"
                + "  public String propose(String car) { return car; } }";
        String caller = """
                package shop.agents;

                import shop.service.Proposals;

                public class Approvals {
                    Proposals proposals;

                    public String act(String car) {
                        return proposals.propose(car);
                    }
                }
                """;
        add("app/src/main/java/shop/agents/Approvals.java", caller)
                .add("app/src/main/java/shop/service/Proposals.java", face)
                .add("app/src/main/java/shop/service/DbProposals.java", acting);
        assertTrue(effectOf("app/src/main/java/shop/agents/Approvals.java", "act").orElse("").contains("through DbProposals.propose"));
        add("app/src/main/java/shop/service/MemoryProposals.java", quiet);
        assertEquals(Optional.empty(), effectOf("app/src/main/java/shop/agents/Approvals.java", "act"),
                "two implementations: which one the container injects is not in the code");
    }

    @Test
    void aClassCopiedIntoSeveralSourceRootsIsTheCallersOwnCopy() {
        String readOnly = APPROVALS.replace("p.persist();", "p.toString();").replace("Proposal.deleteById(car);", "");
        add("step-01/src/main/java/shop/agents/Approvals.java", agent("return injected.propose(car);"))
                .add("step-01/src/main/java/shop/service/ApprovalService.java", readOnly)
                .add("step-02/src/main/java/shop/service/ApprovalService.java", APPROVALS);
        assertEquals(Optional.empty(), effectOf("step-01/src/main/java/shop/agents/Approvals.java", "act"),
                "step-01's own ApprovalService does not write; step-02's copy is another program");
    }

    @Test
    void effectsAreFollowedAcrossClassesAFewDeep() {
        String middle = """
                package shop.service;

                public class Workflow {
                    private final ApprovalService approvals = new ApprovalService();

                    public String run(String car) {
                        return approvals.propose(car);
                    }
                }
                """;
        String caller = """
                package shop.agents;

                import shop.service.Workflow;

                public class Approvals {
                    private final Workflow workflow = new Workflow();

                    public String act(String car) {
                        return workflow.run(car);
                    }
                }
                """;
        add("app/src/main/java/shop/agents/Approvals.java", caller)
                .add("app/src/main/java/shop/service/Workflow.java", middle)
                .add("app/src/main/java/shop/service/ApprovalService.java", APPROVALS);
        assertTrue(effectOf("app/src/main/java/shop/agents/Approvals.java", "act").orElse("").contains("through ApprovalService.propose"));
    }
}
