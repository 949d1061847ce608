package dev.mlpkit.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import dev.mlpkit.linalg.MatrixFactory;
import dev.mlpkit.nn.Gradients;
import dev.mlpkit.nn.Initializer;
import dev.mlpkit.nn.NetworkSpec;
import dev.mlpkit.nn.Parameters;
import dev.mlpkit.training.GradientClipping;
import dev.mlpkit.training.LearningRateSchedule;
import dev.mlpkit.training.Updater;
import dev.mlpkit.training.optimizer.Optimizers;

/**
 * One optimizer step over the galaxy network's 1,081,857 parameters, with the optimizer's state reset every
 * iteration (so Adam's bias correction does not drift).
 *
 * Run: {@code java -jar benchmarks/target/benchmarks.jar OptimizerStep -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class OptimizerStepBenchmark {

    @Param({ "gd", "momentum", "adam" })
    public String optimizer;

    private Parameters parameters;
    private Gradients gradients;
    private Updater updater;

    @Setup
    public void setUp() {
        NetworkSpec spec = NetworkSpec.parse("4096-256-128-1");
        parameters = Parameters.zeros(spec, MatrixFactory.float64());
        Initializer.NORMAL.initialize(parameters, 1);
        gradients = Gradients.like(parameters);
        SplittableRandom random = new SplittableRandom(3);
        gradients.matrices().forEach(m -> m.modifyInPlace(v -> random.nextGaussian() * 1e-3));
        updater = new Updater(Optimizers.registry().get(optimizer), new LearningRateSchedule.Constant(),
                GradientClipping.NONE, 0.0);
    }

    @Setup(Level.Iteration)
    public void resetState() {
        updater.reset();
    }

    @Benchmark
    public Parameters step() {
        updater.stepInPlace(parameters, gradients, updater.optimizer().learningRate());
        return parameters;
    }
}
