package dev.weir.runtime.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.weir.runtime.functions.BuiltinFunctions;
import dev.weir.runtime.spec.connector.KafkaStartPosition;
import dev.weir.runtime.spec.connector.SinkConnectorSpec;
import dev.weir.runtime.spec.connector.SourceConnectorSpec;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The published JSON Schema and the spec records describe the same properties, required ones and enum values. */
class SchemaMatchesRecordsTest {
    static final String RESOURCE = "/dev/weir/spec/pipeline-spec-v1.schema.json";

    static JsonNode schema() throws IOException {
        try (InputStream in = SchemaMatchesRecordsTest.class.getResourceAsStream(RESOURCE)) {
            assertThat(in).as(RESOURCE).isNotNull();
            return SpecJson.mapper().readTree(in);
        }
    }

    static Stream<Arguments> definitions() {
        List<Arguments> out = new ArrayList<>(List.of(
                Arguments.of("options", OptionsSpec.class, false), Arguments.of("edge", EdgeSpec.class, false),
                Arguments.of("functionRef", FunctionRef.class, false), Arguments.of("watermarks", WatermarksSpec.class, false)));
        subtypes(NodeSpec.class, "Node", true, out);
        subtypes(WindowAssignerSpec.class, "Windows", false, out);
        subtypes(TriggerSpec.class, "Trigger", false, out);
        subtypes(SourceConnectorSpec.class, "Source", false, out);
        subtypes(SinkConnectorSpec.class, "Sink", false, out);
        return out.stream();
    }

    /** {@code eventTimeTrigger} for the trigger type {@code event-time}; node defs keep the type's case. */
    private static void subtypes(Class<?> base, String suffix, boolean nodes, List<Arguments> out) {
        StructureCheck.subtypes(base).forEach((name, cls) -> {
            String camel = nodes ? name : toCamel(name);
            out.add(Arguments.of(camel + suffix, cls, true));
        });
    }

    private static String toCamel(String kebab) {
        StringBuilder sb = new StringBuilder();
        boolean up = false;
        for (char c : kebab.toCharArray()) {
            if (c == '-') {
                up = true;
            } else {
                sb.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return sb.toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("definitions")
    void definitionHasTheRecordsPropertiesAndRequiredOnes(String def, Class<?> record, boolean typed) throws IOException {
        JsonNode d = schema().get("$defs").get(def);
        assertThat(d).as("$defs/" + def).isNotNull();
        Set<String> expected = new LinkedHashSet<>();
        Set<String> required = new LinkedHashSet<>();
        if (typed) {
            expected.add("type");
            required.add("type");
        }
        StructureCheck.properties(record).forEach((name, rc) -> {
            expected.add(name);
            JsonProperty p = rc.getAccessor().getAnnotation(JsonProperty.class);
            if (p != null && p.required()) {
                required.add(name);
            }
        });
        assertThat(names(d.get("properties"))).as(def + " properties").containsExactlyInAnyOrderElementsOf(expected);
        assertThat(texts(d.path("required"))).as(def + " required").containsExactlyInAnyOrderElementsOf(required);
        assertThat(d.get("additionalProperties").asBoolean(true)).as(def + " additionalProperties").isFalse();
    }

    @Test
    void topLevelMatchesPipelineSpec() throws IOException {
        JsonNode s = schema();
        assertThat(names(s.get("properties"))).containsExactlyElementsOf(StructureCheck.properties(PipelineSpec.class).keySet());
        assertThat(texts(s.get("required"))).containsExactly("specVersion", "name", "nodes");
    }

    @Test
    void enumsMatch() throws IOException {
        JsonNode defs = schema().get("$defs");
        assertThat(texts(defs.at("/options/properties/errorPolicy/enum")))
                .containsExactlyElementsOf(StructureCheck.enumNames(OptionsSpec.OnError.class));
        assertThat(texts(defs.at("/timeDomain/enum"))).containsExactlyElementsOf(StructureCheck.enumNames(SpecTimeDomain.class));
        assertThat(texts(defs.at("/watermarks/properties/emission/enum")))
                .containsExactlyElementsOf(StructureCheck.enumNames(WatermarksSpec.Emission.class));
        assertThat(texts(defs.at("/generatorSource/properties/events/enum")))
                .containsExactlyElementsOf(StructureCheck.enumNames(SourceConnectorSpec.DemoEvents.class));
        assertThat(texts(defs.at("/printSink/properties/format/enum")))
                .containsExactlyElementsOf(StructureCheck.enumNames(SinkConnectorSpec.Format.class));
        assertThat(texts(defs.at("/kafkaSource/properties/errorPolicy/enum")))
                .containsExactlyElementsOf(StructureCheck.enumNames(SourceConnectorSpec.KafkaErrorPolicy.class));
        assertThat(texts(defs.at("/kafkaSource/properties/startPosition/oneOf/0/enum")))
                .containsExactlyElementsOf(StructureCheck.enumNames(KafkaStartPosition.Named.class));
        assertThat(texts(defs.at("/kafkaSink/properties/valueFormat/enum")))
                .containsExactlyElementsOf(StructureCheck.enumNames(SinkConnectorSpec.ValueFormat.class));
        assertThat(texts(defs.at("/functionRef/properties/builtin/enum"))).containsExactlyElementsOf(BuiltinFunctions.names());
        for (Map.Entry<String, Class<?>> base : Map.<String, Class<?>>of("node", NodeSpec.class, "windowAssigner",
                WindowAssignerSpec.class, "trigger", TriggerSpec.class, "sourceConnector", SourceConnectorSpec.class,
                "sinkConnector", SinkConnectorSpec.class).entrySet()) {
            assertThat(texts(defs.get(base.getKey()).at("/properties/type/enum"))).as(base.getKey())
                    .containsExactlyElementsOf(StructureCheck.subtypes(base.getValue()).keySet());
        }
    }

    private static List<String> names(JsonNode object) {
        List<String> out = new ArrayList<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
