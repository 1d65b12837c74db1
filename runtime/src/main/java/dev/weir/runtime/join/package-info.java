/** Stream-stream joins. */
package dev.weir.runtime.join;
