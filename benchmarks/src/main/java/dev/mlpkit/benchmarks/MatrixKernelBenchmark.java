package dev.mlpkit.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

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

import dev.mlpkit.linalg.Matrix;
import dev.mlpkit.linalg.MatrixFactory;

/**
 * The products of one galaxy-network batch, at their real shapes, for each backend. Time per product; GflopsTable
 * turns the results into GFLOP/s (the flop count of each shape is {@link #flops(String)}).
 *
 * <pre>
 * forward         W1 (256x4096) * X (4096x100)             the first layer's weighted inputs
 * weightGradient  D1 (256x100) * X^T (100x4096)            the first layer's weight gradient
 * backpropDelta   W2^T (256x128) * D2 (128x100)            the hidden layer's delta
 * evalForward     W1 (256x4096) * X (4096x1640)            evaluating the training set
 * </pre>
 *
 * Run: {@code java --add-modules jdk.incubator.vector -jar benchmarks/target/benchmarks.jar MatrixKernel}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class MatrixKernelBenchmark {

    @Param({ "forward", "weightGradient", "backpropDelta", "evalForward" })
    public String shape;

    @Param({ "simd", "ojalgo", "ojalgo-store", "ikj", "naive-ijk" })
    public String backend;

    @Param({ "float64", "float32" })
    public String precision;

    private Matrix left;
    private Matrix right;
    private Matrix out;

    @Setup
    public void setUp() {
        MatrixFactory f = Backends.factory(precision, backend);
        switch (shape) {
            case "forward" -> set(f.zeros(256, 4096), f.zeros(4096, 100), f.zeros(256, 100));
            case "weightGradient" -> set(f.zeros(256, 100), f.zeros(4096, 100), f.zeros(256, 4096));
            case "backpropDelta" -> set(f.zeros(128, 256), f.zeros(128, 100), f.zeros(256, 100));
            case "evalForward" -> set(f.zeros(256, 4096), f.zeros(4096, 1640), f.zeros(256, 1640));
            default -> throw new IllegalArgumentException(shape);
        }
    }

    private void set(Matrix l, Matrix r, Matrix o) {
        SplittableRandom random = new SplittableRandom(1);
        l.modifyInPlace(v -> random.nextDouble() - 0.5);
        r.modifyInPlace(v -> random.nextDouble() - 0.5);
        left = l;
        right = r;
        out = o;
    }

    @Benchmark
    public Matrix product() {
        switch (shape) {
            case "weightGradient" -> left.multiplyInto(false, right, true, 1.0, out);
            case "backpropDelta" -> left.multiplyInto(true, right, false, 1.0, out);
            default -> left.multiplyInto(right, out);
        }
        return out;
    }

    /** Floating-point operations of one product of {@code shape}: 2 m n k. */
    static double flops(String shape) {
        return switch (shape) {
            case "forward", "weightGradient" -> 2.0 * 256 * 4096 * 100;
            case "backpropDelta" -> 2.0 * 256 * 128 * 100;
            case "evalForward" -> 2.0 * 256 * 4096 * 1640;
            default -> Double.NaN;
        };
    }
}
