package dev.weir.api.metadata;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes a function class to the platform.
 *
 * <pre>{@code
 * @WeirFunction(name = "currency-convert", version = "1.2.0", description = "Converts bid prices",
 *               config = CurrencyConvert.Config.class)
 * public class CurrencyConvert implements StatelessFunction<Bid, Bid> {
 *     public record Config(@Param(description = "USD to EUR rate", defaultValue = "0.908") double rate) {}
 *     ...
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface WeirFunction {
    /** Name, unique within a tenant: lower-case letters, digits and dashes. */
    String name();

    /** Semantic version {@code MAJOR.MINOR.PATCH}. */
    String version();

    String description() default "";

    /** A record whose components are the function's configuration parameters; {@code Void} if none. */
    Class<?> config() default Void.class;
}
