package dev.baton.bench.runtime;

import dev.baton.runtime.boundary.Boundary;
import dev.baton.runtime.boundary.Received;
import dev.baton.runtime.boundary.StrictJson;
import dev.baton.runtime.contract.Contract;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.ObjectReader;

import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * SPEC goal: a boundary receive (strict parse + JSON Schema validation + strict bind) of a ~2 KB payload
 * within 2x of a bare strict Jackson 3 parse + bind of the same bytes, measured in one run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class BoundaryReceiveBenchmark {

    /** A research hand-off as a model would produce it. */
    public record ResearchNotes(String topic, String summary, List<Finding> findings, List<String> openQuestions,
                                Status status, double overallConfidence) {
    }

    /** One finding with its source. */
    public record Finding(String claim, String evidence, double confidence, URI source, List<String> tags) {
    }

    /** Review status. */
    public enum Status { DRAFT, REVIEWED, FINAL }

    private byte[] payload;
    private Boundary<ResearchNotes> boundary;
    private ObjectReader strictReader;

    @Setup
    public void setUp() {
        payload = PayloadShape.researchNotes(6);
        boundary = Boundary.of(Contract.of(ResearchNotes.class), "researcher");
        strictReader = StrictJson.mapper().readerFor(ResearchNotes.class);
        if (!boundary.receive(payload).isAccepted()) {
            throw new IllegalStateException("benchmark payload must be valid");
        }
        if (payload.length < 1800 || payload.length > 2400) {
            throw new IllegalStateException("payload should be about 2 KB, is " + payload.length);
        }
    }

    /** Baseline: the same strict mapper, parse + bind, no schema validation. */
    @Benchmark
    public ResearchNotes bareStrictJacksonBind() {
        return strictReader.readValue(payload);
    }

    /** Parse + validate + bind through the boundary. */
    @Benchmark
    public Received<ResearchNotes> boundaryReceive() {
        return boundary.receive(payload);
    }
}
