/**
 * JMH benchmarks of mlpkit, shaded into {@code benchmarks/target/benchmarks.jar}. Run them with the Vector API module
 * so the SIMD kernel can be measured:
 * {@code java --add-modules jdk.incubator.vector -jar benchmarks/target/benchmarks.jar -rf json -rff results.json},
 * then {@code java -cp benchmarks/target/benchmarks.jar dev.mlpkit.benchmarks.GflopsTable results.json}.
 */
package dev.mlpkit.benchmarks;
