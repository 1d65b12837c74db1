/**
 * The Nexmark queries as Weir pipelines ({@link dev.weir.bench.nexmark.weir.WeirQueries}), built with the runtime's
 * fluent API from functions written against {@code functions-api}.
 */
package dev.weir.bench.nexmark.weir;
