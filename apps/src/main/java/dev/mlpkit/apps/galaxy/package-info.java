/** {@code mlp galaxy train | classify | evaluate}: the galaxy vs not-a-galaxy tutorial. */
package dev.mlpkit.apps.galaxy;
