/** Update rules: the {@link dev.mlpkit.training.optimizer.Optimizer} contract, its state, and the built-ins. */
package dev.mlpkit.training.optimizer;
