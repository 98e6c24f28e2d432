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
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs {@link BoundaryAllocationBenchmark} with JMH's GC profiler and prints, per shape, the payload size,
 * the bytes allocated per receive ({@code gc.alloc.rate.norm}) and per bare strict bind, allocation as a
 * multiple of the payload, and receive time as a multiple of the bare bind. The time ratio comes from
 * alternating batches of the two in this JVM after the JMH run (the median of the paired ratios, like
 * {@link BoundaryRatio}), in process CPU time (garbage collection included, other processes excluded) and
 * in wall time: on a shared machine, JMH's one-after-the-other averages of a 3 MB receive differ by more
 * than the effect measured.
 *
 * <pre>
 * java -cp benchmarks/target/baton-benchmarks.jar dev.baton.bench.runtime.BoundaryAllocation [--quick|--times] [shape…]
 * </pre>
 * {@code --quick} runs 2 warm-up and 3 measured iterations of 1 s instead of the benchmark's defaults;
 * {@code --times} skips JMH and prints only the paired time ratios.
 */
public final class BoundaryAllocation {

    private BoundaryAllocation() {
    }

    public static void main(String[] args) throws RunnerException {
        List<String> shapes = new ArrayList<>();
        boolean quick = false;
        boolean timesOnly = false;
        for (String arg : args) {
            if (arg.equals("--quick")) {
                quick = true;
            } else if (arg.equals("--times")) {
                timesOnly = true;
            } else {
                shapes.add(PayloadShape.of(arg).label());
            }
        }
        if (timesOnly) {
            System.out.printf("%-20s %11s %11s %6s %6s%n", "shape", "recv cpu us", "bare cpu us", "cpu x", "wall x");
            for (PayloadShape shape : PayloadShape.values()) {
                if (shapes.isEmpty() || shapes.contains(shape.label())) {
                    double[] times = pairedTimes(shape.label(), 41);
                    System.out.printf("%-20s %11.1f %11.1f %6.2f %6.2f%n", shape.label(), times[0], times[1],
                            times[2], times[3]);
                }
            }
            return;
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
        print(results, quick ? 15 : 41);
    }

    /** @return median receive and bare CPU us, the median of the paired CPU ratios, and of the wall ratios */
    static double[] pairedTimes(String shape, int rounds) {
        BoundaryAllocationBenchmark benchmark = new BoundaryAllocationBenchmark();
        benchmark.shape = shape;
        benchmark.setUp();
        int size = benchmark.payloadLength();
        com.sun.management.OperatingSystemMXBean process = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        int warmUps = Math.max(3, 20_000_000 / size);
        long warmUpStart = System.nanoTime();
        for (int i = 0; i < warmUps; i++) { // warm-up of both paths
            benchmark.bareStrictJackson();
            benchmark.boundaryReceive();
        }
        // process CPU time ticks in 10 ms steps on Linux: a batch takes at least ~150 ms
        long pairNanos = Math.max(1, (System.nanoTime() - warmUpStart) / warmUps);
        int batch = (int) Math.max(1, 300_000_000L / pairNanos);
        double[] bare = new double[rounds];
        double[] receive = new double[rounds];
        double[] ratios = new double[rounds];
        double[] wallRatios = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            long cpuStart = process.getProcessCpuTime();
            long start = System.nanoTime();
            for (int i = 0; i < batch; i++) {
                benchmark.bareStrictJackson();
            }
            long cpuMiddle = process.getProcessCpuTime();
            long middle = System.nanoTime();
            for (int i = 0; i < batch; i++) {
                benchmark.boundaryReceive();
            }
            long cpuEnd = process.getProcessCpuTime();
            long end = System.nanoTime();
            bare[round] = (cpuMiddle - cpuStart) / 1e3 / batch;
            receive[round] = (cpuEnd - cpuMiddle) / 1e3 / batch;
            ratios[round] = receive[round] / bare[round];
            wallRatios[round] = (double) (end - middle) / (middle - start);
        }
        Arrays.sort(bare);
        Arrays.sort(receive);
        Arrays.sort(ratios);
        Arrays.sort(wallRatios);
        return new double[] {receive[rounds / 2], bare[rounds / 2], ratios[rounds / 2], wallRatios[rounds / 2]};
    }

    private static void print(Collection<RunResult> results, int rounds) {
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
        System.out.printf("%-20s %10s %13s %7s %13s %7s %11s %11s %6s %6s%n", "shape", "payload B", "receive B/op",
                "x payld", "bare B/op", "x payld", "recv cpu us", "bare cpu us", "cpu x", "wall x");
        for (Map.Entry<String, double[]> entry : byShape.entrySet()) {
            double[] row = entry.getValue();
            int size = BoundaryAllocationBenchmark.payloadSize(entry.getKey());
            double[] times = pairedTimes(entry.getKey(), rounds);
            System.out.printf("%-20s %10d %13.0f %7.2f %13.0f %7.2f %11.1f %11.1f %6.2f %6.2f%n", entry.getKey(),
                    size, row[3], row[3] / size, row[1], row[1] / size, times[0], times[1], times[2], times[3]);
        }
        System.out.println("(B/op: JMH gc.alloc.rate.norm; cpu us, cpu x and wall x: medians over " + rounds
                + " paired batches of bare bind then receive, process CPU time and wall time)");
    }
}
