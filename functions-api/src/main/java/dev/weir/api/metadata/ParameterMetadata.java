package dev.weir.api.metadata;

import java.util.Optional;

/**
 * One declared configuration parameter.
 *
 * @param name         the record component name
 * @param type         its simple type name as the UI shows it ({@code string}, {@code integer}, {@code number},
 *                     {@code boolean}, {@code duration}, or a Java class name)
 * @param javaType     its Java type
 * @param description  what it means
 * @param defaultValue the default as JSON text, if any; a parameter without one is required
 */
public record ParameterMetadata(String name, String type, Class<?> javaType, String description,
                                Optional<String> defaultValue) {
    public boolean required() {
        return defaultValue.isEmpty();
    }
}
