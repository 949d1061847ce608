/**
 * The only place in mlpkit's network code that talks to ojAlgo (the benchmarks also call ojAlgo's own product, to
 * compare).
 *
 * <p>The network works on {@link dev.mlpkit.nn.linalg.Matrix}, a dense column-major matrix whose storage is an ojAlgo
 * {@code PhysicalStore} made by a {@link dev.mlpkit.nn.linalg.MatrixFactory}: {@code R064Store} (float64) by default,
 * {@code R032Store} (float32) on request. ojAlgo renamed its core classes once without deprecation (Primitive64Store
 * became R064Store in 54.0), and a faster {@link dev.mlpkit.nn.linalg.Kernel} plugs in here, so nothing outside
 * this package imports {@code org.ojalgo}.
 *
 * <p>Conventions: element (i, j) lives at index {@code i + j * rows}; a method that writes into a matrix the caller
 * owns ends in {@code Into} or {@code InPlace} and returns nothing. None of them allocates once the JIT has warmed up
 * and a product has seen its shapes once, except the multi-threaded products, whose hand-over to a second thread costs
 * a few hundred bytes a call (see {@link dev.mlpkit.nn.linalg.Linalg#setProductThreads(int)}).
 */
package dev.mlpkit.nn.linalg;
