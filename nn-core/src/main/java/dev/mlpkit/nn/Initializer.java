package dev.mlpkit.nn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import dev.mlpkit.linalg.Matrix;

/**
 * How a network's first weights and biases are drawn, from an explicit seed: the same seed gives the same
 * parameters, bit for bit.
 *
 * <p>{@link #initialize} draws from one {@link SplittableRandom} seeded with the seed, layer by layer; in each layer
 * the weights row by row, then the biases. An initializer only says how one number is drawn.
 */
public interface Initializer {

    /** Weights and biases from N(0, 1), unscaled: the galaxy tutorial's {@code np.random.randn}. */
    Initializer NORMAL = new Initializer() {
        @Override
        public String name() {
            return "normal";
        }

        @Override
        public double weight(RandomGenerator random, int fanIn, int fanOut) {
            return random.nextGaussian();
        }

        @Override
        public double bias(RandomGenerator random, int fanIn, int fanOut) {
            return random.nextGaussian();
        }
    };

    /** Weights and biases from U[0, 1): the circle/line tutorial's {@code np.random.rand}. */
    Initializer UNIFORM = new Initializer() {
        @Override
        public String name() {
            return "uniform";
        }

        @Override
        public double weight(RandomGenerator random, int fanIn, int fanOut) {
            return random.nextDouble();
        }

        @Override
        public double bias(RandomGenerator random, int fanIn, int fanOut) {
            return random.nextDouble();
        }
    };

    /** Glorot and Bengio (2010): weights from U(-r, r) with {@code r = sqrt(6 / (fanIn + fanOut))}, biases 0. */
    Initializer XAVIER = new Initializer() {
        @Override
        public String name() {
            return "xavier";
        }

        @Override
        public double weight(RandomGenerator random, int fanIn, int fanOut) {
            double r = Math.sqrt(6.0 / (fanIn + fanOut));
            return (2.0 * random.nextDouble() - 1.0) * r;
        }

        @Override
        public double bias(RandomGenerator random, int fanIn, int fanOut) {
            return 0.0;
        }
    };

    /** He et al. (2015), for ReLU layers: weights from N(0, 2 / fanIn), biases 0. */
    Initializer HE = new Initializer() {
        @Override
        public String name() {
            return "he";
        }

        @Override
        public double weight(RandomGenerator random, int fanIn, int fanOut) {
            return random.nextGaussian() * Math.sqrt(2.0 / fanIn);
        }

        @Override
        public double bias(RandomGenerator random, int fanIn, int fanOut) {
            return 0.0;
        }
    };

    /** The lowercase name used on the command line and in model files. */
    String name();

    /** One weight of a layer with {@code fanIn} inputs and {@code fanOut} units. */
    double weight(RandomGenerator random, int fanIn, int fanOut);

    /** One bias of a layer with {@code fanIn} inputs and {@code fanOut} units. */
    double bias(RandomGenerator random, int fanIn, int fanOut);

    /** Overwrites every weight and bias of {@code parameters} with numbers drawn from {@code seed}. */
    default void initialize(Parameters parameters, long seed) {
        RandomGenerator random = new SplittableRandom(seed);
        NetworkSpec spec = parameters.spec();
        for (int l = 0; l < spec.depth(); l++) {
            int fanIn = spec.fanIn(l);
            int fanOut = spec.layer(l).size();
            Matrix w = parameters.weights(l);
            for (int i = 0; i < w.rows(); i++) {
                for (int j = 0; j < w.cols(); j++) {
                    w.set(i, j, weight(random, fanIn, fanOut));
                }
            }
            if (parameters.hasBiases(l)) {
                Matrix b = parameters.biases(l);
                for (int i = 0; i < b.rows(); i++) {
                    b.set(i, 0, bias(random, fanIn, fanOut));
                }
            }
        }
    }

    /** The built-in initializer called {@code name}. */
    static Initializer named(String name) {
        Initializer initializer = Builtins.ALL.get(name);
        if (initializer == null) {
            throw new IllegalArgumentException("unknown initializer '" + name + "': known are " + names());
        }
        return initializer;
    }

    /** The names of the built-in initializers. */
    static List<String> names() {
        return List.copyOf(Builtins.ALL.keySet());
    }

    /** The built-ins by name, in a holder so the map is built after the constants above. */
    final class Builtins {
        private static final Map<String, Initializer> ALL = new LinkedHashMap<>();

        static {
            for (Initializer i : new Initializer[] { NORMAL, UNIFORM, XAVIER, HE }) {
                ALL.put(i.name(), i);
            }
        }

        private Builtins() {
        }
    }
}
