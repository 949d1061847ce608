/** How an epoch is cut into updates: the tutorials' sgd, mini-batch and batch gradient descent. */
package dev.mlpkit.training.batching;
