/** Events: the immutable unit that flows between operators (key, value, event timestamp, headers). */
package dev.weir.api.event;
