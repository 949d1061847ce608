package dev.mlpkit.benchmarks;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import dev.mlpkit.nn.Initializer;
import dev.mlpkit.nn.Network;
import dev.mlpkit.nn.NetworkSpec;
import dev.mlpkit.training.Samples;
import dev.mlpkit.training.Trainer;
import dev.mlpkit.training.TrainingResult;
import dev.mlpkit.training.TrainingSettings;

/**
 * One whole galaxy-tutorial epoch on random data: 1640 training examples of 4096 inputs in mini-batches of 100
 * through [4096, 256, 128, 1], then evaluating the 1640 training and 410 validation examples (11.64 GFLOP). Each
 * invocation trains {@value #EPOCHS} epochs and counts as that many operations, so the setting up of a training run
 * (buffers, a copy of the weights) weighs on an epoch as it does in a real run of 20. Each trial starts after 5
 * seconds of training, so that what JMH measures is the compiled code.
 *
 * Run: {@code java --add-modules jdk.incubator.vector -jar benchmarks/target/benchmarks.jar Epoch}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = { "--add-modules=jdk.incubator.vector", "-Xmx4g" })
public class EpochBenchmark {

    @Param({ "simd", "ojalgo" })
    public String backend;

    @Param({ "float64", "float32" })
    public String precision;

    private Network network;
    private Samples training;
    private Samples validation;
    static final int EPOCHS = 20;
    private static final long WARM_UP_NANOS = 5_000_000_000L;

    private int run;

    @Setup
    public void setUp() {
        network = new Network(NetworkSpec.parse("4096-256-128-1"), Backends.factory(precision, backend));
        Initializer.NORMAL.initialize(network.parameters(), 1);
        training = random(1640, 2);
        validation = random(410, 3);
        // The JIT keeps compiling an epoch's code for its first 100 or so float32 epochs, far longer than the short
        // suite's one warm-up invocation, so this setup trains for a while first.
        long end = System.nanoTime() + WARM_UP_NANOS;
        for (int seed = -1; System.nanoTime() < end; seed--) {
            new Trainer(TrainingSettings.defaults().withEpochs(1).withSeed(seed), List.of()).train(network, training,
                    validation);
        }
    }

    @Benchmark
    @OperationsPerInvocation(EPOCHS)
    public TrainingResult epoch() {
        TrainingSettings settings = TrainingSettings.defaults().withEpochs(EPOCHS).withSeed(++run);
        return new Trainer(settings, List.of()).train(network, training, validation);
    }

    private static Samples random(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[n][4096];
        double[][] y = new double[n][1];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 4096; j++) {
                x[i][j] = random.nextDouble();
            }
            y[i][0] = random.nextInt(2);
        }
        return new Samples(x, y);
    }
}
