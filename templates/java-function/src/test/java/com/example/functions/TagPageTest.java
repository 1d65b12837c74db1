package com.example.functions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.api.metadata.FunctionMetadata;
import dev.weir.runtime.testing.FunctionTestHarness;
import org.junit.jupiter.api.Test;

class TagPageTest {

    @Test
    void keepsClicksUnderThePrefixAndSendsAnonymousOnesToTheSideOutput() {
        var h = FunctionTestHarness.stateless(new TagPage(), new TagPage.Config("/shop"));
        h.processElement(new Click("ann", "/shop/cart", 1_000), 1_000);
        h.processElement(new Click("bob", "/blog", 2_000), 2_000);
        h.processElement(new Click("", "/shop", 3_000), 3_000);

        assertThat(h.outputValues()).extracting(Click::user).containsExactly("ann");
        assertThat(h.sideOutput(TagPage.ANONYMOUS)).extracting(Click::timestampMillis).containsExactly(3_000L);
    }

    @Test
    void metadataDescribesTheFunctionAndItsConfiguration() {
        FunctionMetadata m = FunctionMetadata.of(TagPage.class);
        assertThat(m.name()).isEqualTo("tag-page");
        assertThat(m.parameters()).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("prefix");
            assertThat(p.defaultValue()).contains("\"/\"");
        });
    }
}
