package com.example.functions;

import dev.weir.api.function.Collector;
import dev.weir.api.function.FunctionContext;
import dev.weir.api.function.OutputTag;
import dev.weir.api.function.StatelessFunction;
import dev.weir.api.metadata.Param;
import dev.weir.api.metadata.WeirFunction;

/**
 * A stateless function: keeps clicks on pages under a configured prefix, drops the rest, and sends clicks without a
 * user to a side output.
 */
@WeirFunction(name = "tag-page", version = "1.0.0", description = "Keeps clicks under a path prefix",
        config = TagPage.Config.class)
public class TagPage implements StatelessFunction<Click, Click> {
    /** Clicks without a user. */
    public static final OutputTag<Click> ANONYMOUS = OutputTag.of("anonymous", Click.class);

    /** The function's configuration, set in the pipeline spec. */
    public record Config(@Param(description = "Only pages starting with this prefix pass", defaultValue = "\"/\"")
                         String prefix) {
    }

    @Override
    public void process(Click click, FunctionContext ctx, Collector<Click> out) {
        if (click.user() == null || click.user().isBlank()) {
            ctx.output(ANONYMOUS, click);
        } else if (click.page().startsWith(ctx.config(Config.class).prefix())) {
            out.emit(click);
        }
    }
}
