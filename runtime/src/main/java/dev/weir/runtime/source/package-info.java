/**
 * Sources: a source has one or more partitions (splits), each read by its own {@link
 * dev.weir.runtime.source.SourceReader} with its own watermark generator. Bounded and unbounded sources run on the
 * same code path, so a replay or backfill behaves like live data.
 */
package dev.weir.runtime.source;
