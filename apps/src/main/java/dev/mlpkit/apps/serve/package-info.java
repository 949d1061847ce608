/** {@code mlp serve}: the galaxy classifier behind a small web page and JSON API, on the JDK's own HTTP server. */
package dev.mlpkit.apps.serve;
