package dev.weir.api.metadata;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Documents one configuration parameter: a component of the record named by {@link WeirFunction#config()}. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.FIELD})
public @interface Param {
    String description() default "";

    /** The default as JSON text (e.g. {@code "0.9"}, {@code "\"EUR\""}); empty means the parameter is required. */
    String defaultValue() default "";
}
