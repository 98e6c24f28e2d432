package dev.baton.bench.runtime;

import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs {@link BoundaryAllocationBenchmark} with JMH's GC profiler and prints, per shape, the payload size,
 * the bytes allocated per receive ({@code gc.alloc.rate.norm}) and per bare strict bind, allocation as a
 * multiple of the payload, and receive time as a multiple of the bare bind measured in the same run.
 *
 * <pre>
 * java -cp benchmarks/target/baton-benchmarks.jar dev.baton.bench.runtime.BoundaryAllocation [--quick] [shape…]
 * </pre>
 * {@code --quick} runs 2 warm-up and 3 measured iterations of 1 s instead of the benchmark's defaults.
 */
public final class BoundaryAllocation {

    private BoundaryAllocation() {
    }

    public static void main(String[] args) throws RunnerException {
        List<String> shapes = new ArrayList<>();
        boolean quick = false;
        for (String arg : args) {
            if (arg.equals("--quick")) {
                quick = true;
            } else {
                shapes.add(PayloadShape.of(arg).label());
            }
        }
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(BoundaryAllocationBenchmark.class.getName() + "\\.")
                .addProfiler(GCProfiler.class);
        if (!shapes.isEmpty()) {
            options.param("shape", shapes.toArray(new String[0]));
        }
        if (quick) {
            options.warmupIterations(2).warmupTime(TimeValue.seconds(1))
                    .measurementIterations(3).measurementTime(TimeValue.seconds(1));
        }
        Collection<RunResult> results = new Runner(options.build()).run();
        print(results);
    }

    private static void print(Collection<RunResult> results) {
        Map<String, double[]> byShape = new LinkedHashMap<>(); // bare us, bare B, receive us, receive B
        for (RunResult result : results) {
            String shape = result.getParams().getParam("shape");
            String method = result.getParams().getBenchmark();
            double[] row = byShape.computeIfAbsent(shape, s -> new double[4]);
            int at = method.endsWith("bareStrictJackson") ? 0 : 2;
            row[at] = result.getPrimaryResult().getScore();
            Result<?> allocation = result.getSecondaryResults().get("gc.alloc.rate.norm");
            row[at + 1] = allocation == null ? Double.NaN : allocation.getScore();
        }
        System.out.println();
        System.out.printf("%-20s %12s %16s %8s %16s %8s %10s %10s %8s%n", "shape", "payload B", "receive B/op",
                "x payld", "bare B/op", "x payld", "recv us", "bare us", "time x");
        for (Map.Entry<String, double[]> entry : byShape.entrySet()) {
            double[] row = entry.getValue();
            int size = BoundaryAllocationBenchmark.payloadSize(entry.getKey());
            System.out.printf("%-20s %12d %16.0f %8.2f %16.0f %8.2f %10.1f %10.1f %8.2f%n", entry.getKey(), size,
                    row[3], row[3] / size, row[1], row[1] / size, row[2], row[0], row[2] / row[0]);
        }
    }
}
