/**
 * Dense matrices and the kernels under them: the only place in mlpkit's network code that talks to ojAlgo.
 *
 * <p>{@link dev.mlpkit.linalg.Matrix} is a column-major matrix on an ojAlgo store ({@code R064Store} for float64,
 * {@code R032Store} for float32), made by a {@link dev.mlpkit.linalg.MatrixFactory}, which also holds the
 * {@link dev.mlpkit.linalg.Compute} (a {@link dev.mlpkit.linalg.Kernel} and a thread count) its matrices work on.
 * The kernel SPI is BLAS-shaped; ojAlgo's product is the one every JVM runs, and the linalg-simd module plugs in a
 * faster one with {@link java.util.ServiceLoader}.
 *
 * <p>Conventions: element (i, j) lives at index {@code i + j * rows}; a method that writes into a matrix the caller
 * owns ends in {@code Into} or {@code InPlace} and returns nothing. None of them allocates once a product has seen its
 * shapes, except multi-threaded work, whose hand-over to another thread costs a few hundred bytes.
 */
package dev.mlpkit.linalg;
