/**
 * The {@code mlp} command. {@link dev.mlpkit.apps.Main} parses the command line with JCommander, builds a Guice
 * injector from the command's modules (with the parsed options bound into it), runs the command, and exits once:
 * 0 on success, 1 on failure, 2 on a usage error. Optimizers and batchings come from {@code MapBinder}s, so a module
 * on the class path (found with {@link java.util.ServiceLoader}) can add its own and select it by name.
 */
package dev.mlpkit.apps;
