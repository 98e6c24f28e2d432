package dev.baton.bench.runtime;

import java.util.Arrays;

/**
 * A load-robust complement to {@link BoundaryReceiveBenchmark} for shared machines: it alternates short
 * batches of the baseline and the boundary receive, so both see the same background load, and reports the
 * median ratio of the pairs. Run: {@code java -cp benchmarks/target/baton-benchmarks.jar dev.baton.bench.runtime.BoundaryRatio}.
 */
public final class BoundaryRatio {

    private BoundaryRatio() {
    }

    public static void main(String[] args) {
        BoundaryReceiveBenchmark benchmark = new BoundaryReceiveBenchmark();
        benchmark.setUp();
        int batch = 2_000;
        for (int i = 0; i < 50_000; i++) { // warm-up of both paths
            benchmark.bareStrictJacksonBind();
            benchmark.boundaryReceive();
        }
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        double[] ratios = new double[rounds];
        double[] bare = new double[rounds];
        double[] receive = new double[rounds];
        Object sink = null;
        for (int round = 0; round < rounds; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < batch; i++) {
                sink = benchmark.bareStrictJacksonBind();
            }
            long middle = System.nanoTime();
            for (int i = 0; i < batch; i++) {
                sink = benchmark.boundaryReceive();
            }
            long end = System.nanoTime();
            bare[round] = (middle - start) / 1e3 / batch;
            receive[round] = (end - middle) / 1e3 / batch;
            ratios[round] = receive[round] / bare[round];
        }
        Arrays.sort(ratios);
        Arrays.sort(bare);
        Arrays.sort(receive);
        System.out.printf("bare strict bind  median %.2f us/op%n", bare[rounds / 2]);
        System.out.printf("boundary receive  median %.2f us/op%n", receive[rounds / 2]);
        System.out.printf("ratio receive/bare: median %.2f (p25 %.2f, p75 %.2f) over %d paired batches; %s%n",
                ratios[rounds / 2], ratios[rounds / 4], ratios[3 * rounds / 4], rounds, sink == null ? "" : "ok");
    }
}
