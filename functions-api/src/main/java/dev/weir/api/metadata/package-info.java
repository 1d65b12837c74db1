/**
 * Function metadata: name, version, description, typed configuration parameters and input/output types,
 * declared with annotations and read by reflection, so a control plane or UI can describe a function without
 * running it.
 */
package dev.weir.api.metadata;
