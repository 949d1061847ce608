/**
 * The network and its maths: {@link dev.mlpkit.nn.NetworkSpec}, {@link dev.mlpkit.nn.Network}, activations, losses,
 * initializers, {@link dev.mlpkit.nn.Parameters} and {@link dev.mlpkit.nn.Gradients}.
 *
 * <h2>Shapes</h2>
 * A batch is a matrix [features x batchSize] with one example per column. Layer {@code l} has weights
 * [outputs x inputs] and biases [outputs x 1]; its activations and deltas are [outputs x batchSize].
 *
 * <h2>Sign convention (Nielsen's)</h2>
 * {@code z = W a_prev + b}, {@code a = f(z)}, and {@code delta = dC/dz}. For a sigmoid output with binary
 * cross-entropy, and a softmax output with cross-entropy, the output delta is {@code a - y}. Backpropagation gives
 * {@code dC/dW = delta a_prev^T} and {@code dC/db = delta}, each the mean over the batch's examples, so a plain
 * gradient-descent step is {@code W -= eta * dC/dW}: the tutorials' {@code w -= eta / len(batch) * sum}.
 *
 * <h2>The circle/line tutorial's gradient</h2>
 * The tutorial's hidden-layer gradient multiplies by the hidden activation where the chain rule uses the output
 * weight. mlpkit computes the true gradient, checked against finite differences.
 */
package dev.mlpkit.nn;
