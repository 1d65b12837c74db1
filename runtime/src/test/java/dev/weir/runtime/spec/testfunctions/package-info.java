/** Function classes used by the spec tests, one per function shape plus broken ones. */
package dev.weir.runtime.spec.testfunctions;
