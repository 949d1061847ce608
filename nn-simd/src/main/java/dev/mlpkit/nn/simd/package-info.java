/**
 * {@link dev.mlpkit.nn.simd.SimdKernel}: float64 and float32 matrix products on the JDK Vector API, registered as a
 * {@link dev.mlpkit.nn.linalg.Kernel}. The JVM must run with {@code --add-modules jdk.incubator.vector};
 * without it nn-core keeps multiplying with ojAlgo.
 */
package dev.mlpkit.nn.simd;
