/**
 * The fluent Java API for building pipelines (tests, benchmarks, embedding). It builds the same
 * {@link dev.weir.runtime.graph.PipelineGraph} a JSON pipeline spec compiles to.
 *
 * <pre>{@code
 * Pipeline p = Pipeline.create("bids-per-auction");
 * p.source("bids", source, WatermarkStrategy.<Bid>boundedOutOfOrderness(Duration.ofSeconds(1)))
 *  .keyBy("by-auction", Bid::auction)
 *  .window(TumblingWindows.of(Duration.ofSeconds(10)))
 *  .aggregate("count", new Count<>())
 *  .sink("out", PrintSink.stdout(""));
 * new LocalEngine().run(p.graph());
 * }</pre>
 */
package dev.weir.runtime.pipeline;
