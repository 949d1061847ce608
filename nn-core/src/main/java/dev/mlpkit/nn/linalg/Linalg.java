package dev.mlpkit.nn.linalg;

import org.ojalgo.matrix.operation.MultiplyBoth;
import org.ojalgo.matrix.operation.MultiplyLeft;
import org.ojalgo.matrix.operation.MultiplyNeither;
import org.ojalgo.matrix.operation.MultiplyRight;

/** Process-wide settings of the linear algebra underneath: set them at application start, before any matrix exists. */
public final class Linalg {

    private static final int[] DEFAULT_THRESHOLDS = {
        MultiplyNeither.THRESHOLD, MultiplyLeft.THRESHOLD, MultiplyRight.THRESHOLD, MultiplyBoth.THRESHOLD };

    private Linalg() {
    }

    /**
     * Whether matrix products may use all cores ({@code threads > 1}, ojAlgo's default) or run on the calling thread
     * ({@code threads == 1}).
     *
     * <p>ojAlgo picks a matrix's product routine when the matrix is made, so this applies to matrices made afterwards.
     * One thread is slower on big products but allocates nothing at all, which the allocation tests rely on; ojAlgo's
     * fork-join dispatch allocates about 200 bytes per product.
     */
    public static synchronized void setProductThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
        boolean serial = threads == 1;
        MultiplyNeither.THRESHOLD = serial ? Integer.MAX_VALUE / 2 : DEFAULT_THRESHOLDS[0];
        MultiplyLeft.THRESHOLD = serial ? Integer.MAX_VALUE / 2 : DEFAULT_THRESHOLDS[1];
        MultiplyRight.THRESHOLD = serial ? Integer.MAX_VALUE / 2 : DEFAULT_THRESHOLDS[2];
        MultiplyBoth.THRESHOLD = serial ? Integer.MAX_VALUE / 2 : DEFAULT_THRESHOLDS[3];
    }
}
