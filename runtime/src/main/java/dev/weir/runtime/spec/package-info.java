/**
 * The JSON pipeline spec: the primary, versioned definition of a pipeline, mapping one-to-one onto
 * {@link dev.weir.runtime.graph.PipelineGraph}. {@link dev.weir.runtime.spec.PipelineSpec} and the records it
 * holds are the spec's Jackson binding; {@link dev.weir.runtime.spec.SpecCompiler} validates a spec once, reporting
 * every problem with its path ({@code nodes[2] (name 'hourly').window.size: ...}), and compiles it to a graph.
 * Functions are loaded by class name through a {@link dev.weir.runtime.spec.FunctionLoader}. The format is
 * described in {@code docs/pipeline-spec.md}; its JSON Schema is the resource
 * {@code dev/weir/spec/pipeline-spec-v1.schema.json}.
 */
package dev.weir.runtime.spec;
