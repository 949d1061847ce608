package dev.mlpkit.linalg.simd;

/**
 * The loops of a product {@code C = scale * op(A) op(B)} in the way of BLIS (Van Zee and van de Geijn 2015), the same
 * for every element type; a subclass for each type ({@code double[]}, {@code float[]}) packs the panels and runs the
 * register-blocked micro-kernel.
 *
 * <p>C is computed {@link #NC} columns at a time, and k is cut into blocks of {@link #kc}. For each, B's block is packed
 * into panels of {@link #nr} columns (the last few into {@link #narrow} ones), then A's rows, {@link #mc} at a time,
 * into panels of {@link #mr} rows; packing also turns a transposed operand into the same layout as a plain one, so no
 * product needs a materialised transpose. Each A panel then stays in the L1 cache while every B panel of the block (in
 * L2) streams past it, an {@code mr x nr} tile of C at a time.
 *
 * @param <T> the array type, {@code double[]} or {@code float[]}
 */
abstract class PackedProduct<T> {

    /**
     * C is computed {@code NC} columns at a time, a multiple of every panel width, so that C's block and B's packed
     * block stay in L2 while k is summed, as a product with thousands of columns (an evaluation) needs.
     */
    static final int NC = 384;

    /** {@code float64} or {@code float32}. */
    final String precision;
    final int mr;
    final int nr;
    /** The width of the narrow tiles that take a product's last columns when they would fill at most two. */
    final int narrow;
    final int kc;
    final int mc;
    /** How far past its last panel packing may write into the buffer of packed B (whole vectors). */
    private final int slack;
    /** Packing buffers per thread, grown when a bigger block comes. */
    private final ThreadLocal<Scratch<T>> scratch;

    PackedProduct(String precision, int mr, int nr, int narrow, int kc, int mc, int slack) {
        this.precision = precision;
        this.mr = mr;
        this.nr = nr;
        this.narrow = narrow;
        this.kc = kc;
        this.mc = mc;
        this.slack = slack;
        this.scratch = ThreadLocal.withInitial(() -> new Scratch<>(newArray(0), newArray(0), newArray(mr * nr)));
    }

    abstract T newArray(int length);

    abstract int length(T array);

    /** A's rows {@code [i0, i0 + rows)} and columns {@code [p0, p0 + depth)} as panels of mr rows, zero-padded. */
    abstract void packA(boolean transposeA, int m, int k, T a, int i0, int rows, int p0, int depth, T out);

    /**
     * B's rows {@code [p0, p0 + depth)} and columns {@code [j0, j0 + cols)} as panels of {@code width} columns,
     * zero-padded, from {@code out[outOffset]} on.
     */
    abstract void packB(boolean transposeB, int n, int k, T b, int p0, int depth, int j0, int cols, int width, T out,
            int outOffset);

    /**
     * The {@code mr x nr} product of two packed panels into the tile of {@code c} at {@code offset} (columns
     * {@code ldc} apart), added to what the tile holds when {@code accumulate}.
     */
    abstract void microKernel(int depth, T a, int aOffset, T b, int bOffset, T c, int ldc, int offset,
            boolean accumulate);

    /** {@link #microKernel} for a tile of {@link #narrow} columns. */
    abstract void narrowKernel(int depth, T a, int aOffset, T b, int bOffset, T c, int ldc, int offset,
            boolean accumulate);

    /**
     * The real {@code rows x cols} of an edge tile (computed in scratch, mr rows per column) into C at (i, j): added to
     * C unless {@code first}, then multiplied by {@code scale}.
     */
    abstract void mergeTile(T tile, T c, int ldc, int i, int j, int rows, int cols, boolean first, double scale);

    /**
     * {@code y = y + alpha * (scale * tile)} for the real {@code rows x cols} of a finished tile (computed in scratch,
     * mr rows per column), into Y at (i, j): each element rounds as {@link #scaleTile} and then the kernel's
     * {@code addScaled} would round it.
     */
    abstract void addTile(T tile, T y, int ldy, int i, int j, int rows, int cols, double scale, double alpha);

    /** Multiplies the {@code mr x cols} tile of C at {@code offset} by {@code scale}. */
    abstract void scaleTile(T c, int ldc, int offset, int cols, double scale);

    /** {@code c = (c + partial) * scale} over the first {@code length} elements. */
    abstract void addScaled(T c, T partial, int length, double scale);

    /** A product with a few columns, computed without packing. */
    abstract void fewColumns(boolean transposeA, boolean transposeB, int m, int n, int k, T a, T b, T c, double scale);

    /**
     * Rows {@code [i0, i1)} and columns {@code [j0, j1)} of C, summed over k in {@code [k0, k1)} (a multiple of kc
     * apart from the end), on the calling thread.
     */
    final void block(boolean transposeA, boolean transposeB, int m, int n, int k, T a, T b, T c, double scale, int i0,
            int i1, int j0, int j1, int k0, int k1) {
        block(transposeA, transposeB, m, n, k, a, b, null, c, scale, i0, i1, j0, j1, k0, k1);
    }

    /**
     * {@link #block} with B packed already by {@link #packAll} when {@code packedB} is not null (then b is not read);
     * {@code j0} is a multiple of {@link #nr}.
     */
    final void block(boolean transposeA, boolean transposeB, int m, int n, int k, T a, T b, T packedB, T c,
            double scale, int i0, int i1, int j0, int j1, int k0, int k1) {
        // Blocks of NC columns, then the last columns; each block sums over the whole of [k0, k1).
        for (int jb = j0; jb < j1; jb += NC) {
            columns(transposeA, transposeB, m, n, k, a, b, packedB, c, scale, i0, i1, jb, Math.min(j1, jb + NC), k0,
                    k1);
        }
    }

    /**
     * The whole of a plain B ({@code k x n}) packed as {@link #block} packs it, one block of k after the other, each
     * {@link #packedColumns} wide: for products that multiply the same B again and again (a constant matrix). A block of columns that
     * starts at a multiple of {@link #nr} then finds its panels at {@code p0 * packedColumns(n) + j0 * depth}, wide or
     * narrow, as its own packing would have laid them out.
     */
    final T packAll(int n, int k, T b) {
        int wide = wideColumns(n);
        int width = packedColumns(n);
        T out = newArray(width * k + slack);
        for (int p0 = 0; p0 < k; p0 += kc) {
            int depth = Math.min(kc, k - p0);
            packB(false, n, k, b, p0, depth, 0, wide, nr, out, p0 * width);
            packB(false, n, k, b, p0, depth, wide, n - wide, narrow, out, p0 * width + wide * depth);
        }
        return out;
    }

    /** How many columns n columns take once packed: whole panels, wide and narrow. */
    private int packedColumns(int n) {
        int wide = wideColumns(n);
        return (wide + nr - 1) / nr * nr + (n - wide + narrow - 1) / narrow * narrow;
    }

    /**
     * {@code y = y + alpha * C} for rows {@code [i0, i1)} and columns {@code [j0, j1)}, on the calling thread, for a
     * product whose k fits in one block ({@code k <= kc}): each tile of C goes into Y as soon as it is summed, so C is
     * never stored.
     */
    final void blockAdd(boolean transposeA, boolean transposeB, int m, int n, int k, T a, T b, double scale,
            double alpha, T y, int i0, int i1, int j0, int j1) {
        if (k > kc) {
            throw new IllegalArgumentException("a fused update sums " + k + " terms, more than one block of " + kc);
        }
        int cols = j1 - j0;
        if (cols <= 0 || i1 <= i0) {
            return;
        }
        int wideCols = wideColumns(cols);
        Scratch<T> buffers = scratch.get();
        T packedB = buffers.packedB = grow(buffers.packedB, nr * kc + slack);
        T packedA = buffers.packedA = grow(buffers.packedA, (mc / mr) * mr * kc);
        T tile = buffers.tile;
        // As many rows of A as the buffer holds at this depth: all of a weight gradient's, for batches up to 256.
        int blockHeight = Math.max(mr, mc * kc / Math.max(k, 1) / mr * mr);
        for (int ib = i0; ib < i1; ib += blockHeight) {
            int blockRows = Math.min(blockHeight, i1 - ib);
            packA(transposeA, m, k, a, ib, blockRows, 0, k, packedA);
            for (int jc = 0, width; jc < cols; jc += width) {
                width = jc < wideCols ? nr : narrow;
                int panelCols = Math.min(width, cols - jc);
                packB(transposeB, n, k, b, 0, k, j0 + jc, panelCols, width, packedB, 0);
                for (int ip = 0; ip * mr < blockRows; ip++) {
                    kernel(width, k, packedA, ip * mr * k, packedB, 0, tile, mr, 0, false);
                    addTile(tile, y, m, ib + ip * mr, j0 + jc, Math.min(mr, blockRows - ip * mr), panelCols, scale,
                            alpha);
                }
            }
        }
    }

    /** {@link #block} for at most {@link #NC} columns. */
    private void columns(boolean transposeA, boolean transposeB, int m, int n, int k, T a, T b, T packedAll, T c,
            double scale, int i0, int i1, int j0, int j1, int k0, int k1) {
        int cols = j1 - j0;
        if (cols <= 0 || i1 <= i0) {
            return;
        }
        int wideCols = wideColumns(cols);
        Scratch<T> buffers = scratch.get();
        T packedB = packedAll != null ? packedAll
                : (buffers.packedB = grow(buffers.packedB, ((cols + nr - 1) / nr) * nr * kc + slack));
        T packedA = buffers.packedA = grow(buffers.packedA, (mc / mr) * mr * kc);
        T tile = buffers.tile;
        for (int p0 = k0; p0 < k1; p0 += kc) {
            int depth = Math.min(kc, k1 - p0);
            boolean first = p0 == k0;
            // The scale is applied once, to the finished sums, so it rounds as scaling the product afterwards would.
            double blockScale = p0 + depth == k1 ? scale : 1.0;
            int bOffset = 0;
            if (packedAll == null) {
                packB(transposeB, n, k, b, p0, depth, j0, wideCols, nr, packedB, 0);
                packB(transposeB, n, k, b, p0, depth, j0 + wideCols, cols - wideCols, narrow, packedB,
                        wideCols * depth);
            } else {
                bOffset = p0 * packedColumns(n) + j0 * depth;
            }
            for (int ib = i0; ib < i1; ib += mc) {
                int blockRows = Math.min(mc, i1 - ib);
                packA(transposeA, m, k, a, ib, blockRows, p0, depth, packedA);
                for (int ip = 0; ip * mr < blockRows; ip++) {
                    int rows = Math.min(mr, blockRows - ip * mr);
                    int aOffset = ip * mr * depth;
                    int i = ib + ip * mr;
                    // Each panel of packed B starts at its first column times depth, wide or narrow.
                    for (int jc = 0, width; jc < cols; jc += width) {
                        width = jc < wideCols ? nr : narrow;
                        int panelCols = Math.min(width, cols - jc);
                        int j = j0 + jc;
                        if (rows == mr && panelCols == width) {
                            kernel(width, depth, packedA, aOffset, packedB, bOffset + jc * depth, c, m, i + j * m,
                                    !first);
                            if (blockScale != 1.0) {
                                scaleTile(c, m, i + j * m, width, blockScale);
                            }
                        } else {
                            kernel(width, depth, packedA, aOffset, packedB, bOffset + jc * depth, tile, mr, 0, false);
                            mergeTile(tile, c, m, i, j, rows, panelCols, first, blockScale);
                        }
                    }
                }
            }
        }
    }

    /** How many of {@code cols} columns go into wide panels: the last go into narrow ones if they fill at most two. */
    private int wideColumns(int cols) {
        int rest = cols % nr;
        return rest > 0 && rest <= 2 * narrow ? cols - rest : cols;
    }

    private void kernel(int width, int depth, T a, int aOffset, T b, int bOffset, T c, int ldc, int offset,
            boolean accumulate) {
        if (width == nr) {
            microKernel(depth, a, aOffset, b, bOffset, c, ldc, offset, accumulate);
        } else {
            narrowKernel(depth, a, aOffset, b, bOffset, c, ldc, offset, accumulate);
        }
    }

    /**
     * This thread's buffer number {@code index} for a partial C of {@code length} elements (a product split over k),
     * kept from product to product.
     */
    final T partial(int index, int length) {
        java.util.List<T> partials = scratch.get().partials;
        while (partials.size() <= index) {
            partials.add(newArray(0));
        }
        T buffer = grow(partials.get(index), length);
        partials.set(index, buffer);
        return buffer;
    }

    private T grow(T buffer, int size) {
        return length(buffer) >= size ? buffer : newArray(size);
    }

    private static final class Scratch<T> {
        T packedA;
        T packedB;
        final java.util.List<T> partials = new java.util.ArrayList<>();
        final T tile;

        Scratch(T packedA, T packedB, T tile) {
            this.packedA = packedA;
            this.packedB = packedB;
            this.tile = tile;
        }
    }
}
