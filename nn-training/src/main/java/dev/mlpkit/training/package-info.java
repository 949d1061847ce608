/**
 * Turning gradients into learning.
 *
 * <p>Two separate, pluggable choices: an {@link dev.mlpkit.training.optimizer.Optimizer} (the update rule: gd,
 * momentum, adam, ...) and a {@link dev.mlpkit.training.batching.Batching} (how an epoch is cut into updates: sgd,
 * mini-batch, batch), each selected by name from a {@link dev.mlpkit.training.Registry}. The
 * {@link dev.mlpkit.training.Updater} adds what every optimizer shares (clipping, L2 decay, learning-rate schedules);
 * the {@link dev.mlpkit.training.Trainer} owns the epoch loop, evaluation, stopping rules and listeners;
 * {@link dev.mlpkit.training.Checkpoint} saves a run in a model file for an exact resume.
 */
package dev.mlpkit.training;
