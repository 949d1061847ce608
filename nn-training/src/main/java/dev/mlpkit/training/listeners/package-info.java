/** Listeners the apps plug into the trainer: the epoch line, a terminal progress bar, a metrics CSV, the curves PNG. */
package dev.mlpkit.training.listeners;
