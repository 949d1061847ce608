/** {@code mlp serve}: the galaxy classifier behind a small web page and JSON API, on Jetty's core server. */
package dev.mlpkit.apps.serve;
