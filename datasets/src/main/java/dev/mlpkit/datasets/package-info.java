/**
 * Where labelled examples come from: folders of images, one per class ({@link dev.mlpkit.datasets.ImageFolderLoader},
 * decoded in parallel and cached by {@link dev.mlpkit.datasets.FeatureCache}), the circle/line tutorial's CSV files
 * ({@link dev.mlpkit.datasets.CircleLineCsv}), seeded train/validation splits ({@link dev.mlpkit.datasets.Split}),
 * and the generated default data ({@link dev.mlpkit.datasets.GeneratedData}). It produces plain arrays and knows
 * nothing of networks.
 */
package dev.mlpkit.datasets;
