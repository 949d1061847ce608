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
    /** Enough calls of each product for the JIT's last tier, which takes a few thousand. */
    private static final int WARM_UP_ROUNDS = 3000;

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
     * Starts the JIT on the kernel now: small products and logistic functions of {@code precision} run on a
     * low-priority daemon thread for a moment. The JIT compiles the kernel's vector code only after thousands of calls,
     * and until then it runs many times slower, which made a galaxy run's first epoch five times as long as the others;
     * called before loading the data, this work overlaps the decoding.
     */
    public static void warmUpInBackground(MatrixFactory precision) {
        Thread warmUp = new Thread(() -> {
            // 28 and 64 columns: a kernel's full tiles and its narrower ones for the last few columns.
            Matrix a = precision.zeros(32, 64);
            Matrix b = precision.zeros(64, 28);
            Matrix c = precision.zeros(32, 28);
            Matrix weights = precision.zeros(32, 64);
            Matrix back = precision.zeros(64, 28);
            for (int i = 0; i < WARM_UP_ROUNDS; i++) {
                a.multiplyInto(b, c);                      // forward
                c.logisticInPlace();                       // sigmoid
                c.multiplyByTransposeInto(b, 0.5, weights);  // weight gradient
                a.transposeMultiplyInto(c, back);          // delta
            }
        }, "mlpkit-warm-up");
        warmUp.setDaemon(true);
        warmUp.setPriority(Thread.MIN_PRIORITY);
        warmUp.start();
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
