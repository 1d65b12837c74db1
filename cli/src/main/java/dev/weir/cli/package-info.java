/**
 * The {@code weir} command line: {@code run} a pipeline spec on the local engine, {@code validate} a spec, and
 * {@code describe} a function. Every message goes through the command's own out/err writers and every outcome has
 * a named {@link dev.weir.cli.ExitCode}, so the commands can be run and checked in-process.
 */
package dev.weir.cli;
