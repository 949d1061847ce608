/** {@code mlp circle-line}: the circle vs line tutorial, its softmax sequel, and features vs raw pixels. */
package dev.mlpkit.apps.circleline;
