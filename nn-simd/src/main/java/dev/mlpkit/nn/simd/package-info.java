/**
 * {@link dev.mlpkit.nn.simd.SimdKernel}: float64 and float32 matrix products and the logistic function on the JDK
 * Vector API, registered as a {@link dev.mlpkit.nn.linalg.Kernel}. The JVM must run with
 * {@code --add-modules jdk.incubator.vector}; without it nn-core keeps multiplying with ojAlgo.
 *
 * <p>One precision per JVM runs fastest. JDK 17's JIT compiles the Vector API's shared code for the vector shapes it has
 * seen, and the two precisions use integer vectors of two sizes (the gathers' indexes); after float64 work, float32
 * products run about 1.6 times slower and its logistic function seven times. The galaxy app and each JMH fork use one.
 */
package dev.mlpkit.nn.simd;
