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
import dev.mlpkit.nn.Gradients;
import dev.mlpkit.nn.Initializer;
import dev.mlpkit.nn.Network;
import dev.mlpkit.nn.NetworkSpec;

/**
 * Forward and backprop of the galaxy network [4096, 256, 128, 1] on fixed weights, at batch sizes 1 (one image, as
 * classify does), 100 (a tutorial mini-batch) and 1640 (the whole training set). With {@code -prof gc} it shows the
 * bytes allocated per operation: none from mlpkit's own code once the buffers exist.
 *
 * Run: {@code java --add-modules jdk.incubator.vector -jar benchmarks/target/benchmarks.jar Network -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = { "--add-modules=jdk.incubator.vector", "-Xmx4g" })
public class NetworkBenchmark {

    @Param({ "1", "100", "1640" })
    public int batch;

    @Param({ "simd", "ojalgo" })
    public String backend;

    @Param({ "float64", "float32" })
    public String precision;

    private Network network;
    private Matrix input;
    private Matrix target;
    private Gradients gradients;

    @Setup
    public void setUp() {
        network = new Network(NetworkSpec.parse("4096-256-128-1"), Backends.factory(precision, backend));
        Initializer.NORMAL.initialize(network.parameters(), 1);
        SplittableRandom random = new SplittableRandom(2);
        input = network.factory().zeros(4096, batch);
        input.modifyInPlace(v -> random.nextDouble());
        target = network.factory().zeros(1, batch);
        target.modifyInPlace(v -> random.nextInt(2));
        gradients = Gradients.like(network.parameters());
    }

    @Benchmark
    public Matrix forward() {
        return network.feedforward(input);
    }

    @Benchmark
    public Gradients backprop() {
        network.backpropInto(input, target, gradients);
        return gradients;
    }
}
