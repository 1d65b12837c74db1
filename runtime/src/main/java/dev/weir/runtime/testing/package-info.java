/**
 * Testing support for function authors and for Weir itself: a harness that drives one function with explicit
 * event time, watermarks and processing time, and scripted sources for whole pipelines.
 */
package dev.weir.runtime.testing;
