package dev.baton.bench.runtime;

import dev.baton.runtime.boundary.Boundary;
import dev.baton.runtime.boundary.Received;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.ObjectReader;

import java.util.concurrent.TimeUnit;

/**
 * Bytes allocated per receive against payload size, for each {@link PayloadShape}: run it with
 * {@code -prof gc} and read {@code gc.alloc.rate.norm}, or run {@link BoundaryAllocation}, which does that
 * and prints allocation as a multiple of the payload size and time as a multiple of the bare strict bind.
 * The baseline is the boundary's own strict mapper reading the same bytes to the same target type (a record,
 * or a {@code JsonNode} tree for schema-only contracts) with no schema validation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class BoundaryAllocationBenchmark {

    @Param({"realistic-2k", "realistic-3m", "many-small-objects", "long-string", "wide-array", "deep-arrays",
            "deep-objects"})
    public String shape;

    private byte[] payload;
    private Boundary<?> boundary;
    private ObjectReader bareReader;

    @Setup
    public void setUp() {
        PayloadShape payloadShape = PayloadShape.of(shape);
        payload = payloadShape.payload();
        boundary = payloadShape.boundary();
        bareReader = payloadShape.bareReader();
        Received<?> received = boundary.receive(payload);
        if (!received.isAccepted()) {
            throw new IllegalStateException(shape + " must be accepted: " + received);
        }
        if (!received.orThrow().equals(bareReader.readValue(payload))) {
            throw new IllegalStateException(shape + ": the boundary and the bare bind must agree");
        }
    }

    /** Baseline: the strict mapper, parse + bind of the same bytes, no schema validation. */
    @Benchmark
    public Object bareStrictJackson() {
        return bareReader.readValue(payload);
    }

    /** Parse + validate + bind through the boundary. */
    @Benchmark
    public Received<?> boundaryReceive() {
        return boundary.receive(payload);
    }

    int payloadLength() {
        return payload.length;
    }

    /** @return the payload size of a shape, for ratios */
    static int payloadSize(String shape) {
        return PayloadShape.of(shape).payload().length;
    }
}
