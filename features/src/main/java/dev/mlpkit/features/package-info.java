/**
 * Image to feature vector. {@link dev.mlpkit.features.ImageDecoder} reads image files the way OpenCV's
 * {@code cv2.imread} does (8-bit colour, alpha dropped, EXIF orientation applied); a
 * {@link dev.mlpkit.features.FeatureExtractor} turns the pixels into numbers: the galaxy tutorial's
 * {@link dev.mlpkit.features.PixelFeatures}, the circle/line tutorial's {@link dev.mlpkit.features.CircleLineFeatures}
 * and {@link dev.mlpkit.features.CircleLinePixels}. Pure JDK imaging; no networks, no ojAlgo.
 */
package dev.mlpkit.features;
