package dev.mlpkit.nn.linalg;

/**
 * Process-wide settings of the linear algebra underneath: which kernel runs and on how many threads. Set them at
 * application start.
 *
 * <p>The kernel is the first usable {@link Kernel} on the class path (the nn-simd module's, when the JVM runs
 * with {@code --add-modules jdk.incubator.vector}), else the {@link OjAlgoKernel ojAlgo} one. The system property
 * {@code mlpkit.kernel=ojalgo} forces ojAlgo.
 */
public final class Linalg {

    private static final Kernel OJALGO = new OjAlgoKernel();
    private static volatile int productThreads = Runtime.getRuntime().availableProcessors();
    private static volatile Kernel kernel = findKernel();
    /** Enough rounds for the JIT's last tier, which counts a method's calls and loop turns, to compile every part. */
    private static final int WARM_UP_ROUNDS = 1000;

    private Linalg() {
    }

    /**
     * How many threads a matrix product may use: all cores by default. One is slower on big products but allocates
     * nothing at all, which the allocation tests rely on; handing work to another thread costs a few hundred bytes.
     */
    public static void setProductThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
        productThreads = threads;
    }

    /** How many threads products may use. */
    public static int productThreads() {
        return productThreads;
    }

    /** The kernel that multiplies matrices and computes the logistic function. */
    public static Kernel kernel() {
        return kernel;
    }

    /** {@code simd}, {@code ojalgo}, ...: the name of what multiplies matrices. */
    public static String backend() {
        return kernel.name();
    }

    /** Uses {@code kernel} from now on; null for the ojAlgo one. For benchmarks and tests. */
    public static void useKernel(Kernel kernel) {
        Linalg.kernel = kernel == null ? OJALGO : kernel;
    }

    /**
     * Starts the JIT on the kernel now: products and logistic functions of {@code precision} run on a low-priority
     * daemon thread for a moment. The JIT compiles the kernel's vector code only after thousands of calls, and until
     * then it runs many times slower, which made a galaxy run's first epoch five times as long as the others; called
     * before loading the data, this work overlaps the decoding. Returns the warm-up's thread: products give the same bits
     * during the warm-up as after it, but waiting for it before the heavy work is faster than sharing the cores with it.
     */
    public static Thread warmUpInBackground(MatrixFactory precision) {
        Thread warmUp = new Thread(() -> warmUp(precision, WARM_UP_ROUNDS), "mlpkit-warm-up");
        warmUp.setDaemon(true);
        warmUp.setPriority(Thread.MIN_PRIORITY);
        warmUp.start();
        return warmUp;
    }

    /**
     * {@code rounds} rounds of a small layer's products, bias and logistic function, its slope, and updates (apart
     * from the weight gradient, and fused with it as plain gradient descent trains), on sizes that take every branch
     * of the kernel's inner code before the JIT compiles it: 37 rows and 29 columns leave edge panels and narrow tiles,
     * and 270 terms are summed in more than one block (the simd kernel's blocks of k hold 256 floats or 128 doubles);
     * a one-output layer, one image at a time, and now and then a long sum that the kernel splits over k (and then
     * adds up) and a product with packed inputs take the paths that a galaxy run otherwise first compiles in its
     * first to fourth epochs.
     * A branch first taken after compilation throws the compiled code away, and the vector code then runs interpreted,
     * hundreds of times slower, until it is compiled again: that took half a second of a galaxy run's first epoch.
     */
    private static void warmUp(MatrixFactory precision, int rounds) {
        Matrix weights = filled(precision, 37, 270);
        Matrix input = filled(precision, 270, 29);
        Matrix output = precision.zeros(37, 29);
        Matrix bias = filled(precision, 37, 1);
        Matrix gradient = precision.zeros(37, 270);
        Matrix delta = precision.zeros(270, 29);
        Matrix outputWeights = filled(precision, 1, 37);
        Matrix single = precision.zeros(1, 29);
        Matrix image = filled(precision, 270, 1);
        Matrix oneImage = precision.zeros(37, 1);
        Matrix longLeft = filled(precision, 16, 4096);
        Matrix longRight = filled(precision, 4096, 16);
        Matrix small = precision.zeros(16, 16);
        PackedMatrix packedInput = input.packedAsRight(37);
        for (int round = 0; round < rounds; round++) {
            outputWeights.multiplyInto(output, single);                // a one-output layer
            weights.multiplyInto(image, oneImage);                     // one image at a time
            if (round % 10 == 0) {
                longLeft.multiplyInto(longRight, small);               // a long sum, split over k
                weights.multiplyInto(packedInput, output);             // evaluation inputs, packed once
            }
            double step = round % 2 == 0 ? -1e-3 : 1e-3;               // updates go back and forth
            weights.multiplyInto(input, output);                       // forward
            output.logisticInPlace(bias);                              // bias and sigmoid
            weights.transposeMultiplyInto(output, delta);              // delta
            delta.timesLogisticSlopeInPlace(input);                    // sigmoid's backpropagation
            output.multiplyByTransposeInto(input, 0.5, gradient);      // weight gradient
            weights.addScaledInPlace(step, gradient);                  // update
            output.multiplyByTransposeAddTo(input, 0.5, -step, weights, gradient); // both at once (plain descent)
        }
    }

    /** A matrix of values between -1 and 1 of both signs, and some zeros, as data has. */
    private static Matrix filled(MatrixFactory precision, int rows, int cols) {
        Matrix m = precision.zeros(rows, cols);
        for (int i = 0; i < m.size(); i++) {
            m.set(i, i % 17 == 0 ? 0.0 : Math.sin(i));
        }
        return m;
    }

    /** The first usable kernel on the class path; a kernel that cannot load here (no Vector API) is skipped. */
    private static Kernel findKernel() {
        if ("ojalgo".equals(System.getProperty("mlpkit.kernel"))) {
            return OJALGO;
        }
        try {
            for (Kernel candidate : java.util.ServiceLoader.load(Kernel.class)) {
                if (candidate.isUsable()) {
                    return candidate;
                }
            }
        } catch (java.util.ServiceConfigurationError | LinkageError e) {
            // The kernel's classes need a module this JVM was not started with: ojAlgo multiplies.
        }
        return OJALGO;
    }
}
