/**
 * {@link dev.mlpkit.linalg.simd.SimdKernel}: float64 and float32 matrix products and the logistic function on the JDK
 * Vector API, registered as a {@link dev.mlpkit.linalg.Kernel}. The JVM must run with
 * {@code --add-modules jdk.incubator.vector}; without it linalg multiplies with ojAlgo. The products of both
 * precisions come from one template, {@code src/main/templates/Product.java.template}, filled in at build time.
 *
 * <p>One precision per JVM runs fastest. JDK 17's JIT compiles the Vector API's shared code for the vector shapes it has
 * seen, and the two precisions use integer vectors of two sizes (the gathers' indexes), so after float64 work float32
 * products run slower (docs/speed.md). The galaxy app and each JMH fork use one.
 */
package dev.mlpkit.linalg.simd;
