/**
 * Synthetic, seeded image generators: the built-in default data, since the tutorials' own images cannot ship with
 * mlpkit. Each item has its own seed ({@code Seeds}), so sets can be made in parallel with identical results.
 */
package dev.mlpkit.datasets.generate;
