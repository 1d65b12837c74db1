/**
 * Keyed state: value, list and map state declared by typed descriptors, with optional time-to-live.
 * State is always scoped to the current key of a keyed function.
 */
package dev.weir.api.state;
