/**
 * The logical pipeline: a DAG of named nodes and edges. Both the fluent Java API and the JSON pipeline spec build
 * this same graph; the engine turns it into chained physical operators.
 */
package dev.weir.runtime.graph;
