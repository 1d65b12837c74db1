/**
 * Physical operators and the push protocol between them. An operator receives elements, watermarks,
 * watermark-status changes and end-of-input on an {@link dev.weir.runtime.operator.Input} and pushes to its
 * {@link dev.weir.runtime.operator.Output}. Operators in one chain call each other directly: no queues, no copies.
 */
package dev.weir.runtime.operator;
