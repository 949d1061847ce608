/** File helpers every module that writes outputs shares. */
package dev.mlpkit.nn.io;
