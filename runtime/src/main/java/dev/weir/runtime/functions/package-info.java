/**
 * Built-in functions, usable from a pipeline spec without user code ({@code {"builtin": "count"}}) and from the
 * fluent API: {@link dev.weir.runtime.functions.Count} and {@link dev.weir.runtime.functions.Sum} window
 * aggregates, the {@link dev.weir.runtime.functions.FieldKeySelector} behind a spec's {@code keyBy.field}, and
 * {@link dev.weir.runtime.functions.FieldAccessor}, which reads a named field from JSON objects, maps, records and
 * beans alike. {@link dev.weir.runtime.functions.BuiltinFunctions} lists them by name.
 */
package dev.weir.runtime.functions;
