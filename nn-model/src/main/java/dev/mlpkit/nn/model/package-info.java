/**
 * Model files: a network's spec, parameters, extra state arrays and metadata in one checksummed file, documented in
 * {@code docs/model-format.md}. Never Java serialization.
 */
package dev.mlpkit.nn.model;
