package dev.weir.runtime.spec;

import static dev.weir.runtime.spec.Specs.base;
import static dev.weir.runtime.spec.Specs.baseWith;
import static dev.weir.runtime.spec.Specs.json;
import static dev.weir.runtime.spec.Specs.problems;
import static dev.weir.runtime.spec.Specs.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.runtime.graph.KeyByNode;
import dev.weir.runtime.graph.KeyPartitioning;
import org.junit.jupiter.api.Test;

/** Each kind of spec problem is reported with its exact path and message. */
class SpecProblemsTest {
    private static final String T = "dev.weir.runtime.spec.testfunctions.";

    @Test
    void validBaseSpecHasNoProblems() {
        assertThat(problems(base())).isEmpty();
    }

    @Test
    void invalidJsonIsReportedWithLineAndColumn() {
        assertThat(problems("{\"specVersion\": 1,\n \"name\": }")).singleElement().asString()
                .startsWith("not valid JSON: line 2, column 10: ");
    }

    @Test
    void otherSpecVersionIsTheOnlyProblemReported() {
        assertThat(problems(json("{'specVersion': 2, 'name': 'x', 'nodes': [], 'colour': 1}")))
                .containsExactly("specVersion: unsupported spec version 2; this Weir reads version 1");
    }

    @Test
    void unknownPropertyIsReportedAtItsPathWithTheAllowedOnes() {
        assertThat(problems(base().replace("\"name\": \"test\"", "\"name\": \"test\", \"colour\": \"red\"")))
                .containsExactly("colour: unknown property; allowed here: specVersion, name, options, nodes, edges");
    }

    @Test
    void unknownPropertyInANestedObjectNamesTheNode() {
        assertThat(problems(baseWith("'size': 'PT1H'", "'size': 'PT1H', 'slide': 'PT1M'"))).containsExactly(
                "nodes[2] (name 'hourly').window.slide: unknown property; allowed here: type, size, offset, timeDomain");
    }

    @Test
    void missingRequiredPropertiesAreReported() {
        assertThat(problems(json("{'specVersion': 1}")))
                .containsExactly("name: required property missing", "nodes: required property missing");
    }

    @Test
    void unknownNodeTypeListsTheKnownOnes() {
        assertThat(problems(baseWith("'type': 'window'", "'type': 'windw'"))).containsExactly(
                "nodes[2] (name 'hourly').type: unknown type 'windw'; "
                        + "one of: source, function, keyBy, keyedFunction, window, intervalJoin, union, sink");
    }

    @Test
    void malformedDurationIsReported() {
        assertThat(problems(baseWith("'size': 'PT1H'", "'size': '10s'"))).containsExactly(
                "nodes[2] (name 'hourly').window.size: '10s' is not an ISO-8601 duration (examples: 'PT10S', 'PT0.5S', 'PT5M', 'PT1H')");
    }

    @Test
    void zeroWindowSizeIsReported() {
        assertThat(problems(baseWith("'size': 'PT1H'", "'size': 'PT0S'")))
                .containsExactly("nodes[2] (name 'hourly').window.size: 'PT0S' must be a positive duration");
    }

    @Test
    void wrongJsonTypeAndUnknownEnumValueAreReported() {
        String s = base().replace("\"name\": \"test\"",
                "\"name\": \"test\", \"options\": {\"keyGroups\": \"many\", \"errorPolicy\": \"ignore\"}");
        assertThat(problems(s)).containsExactly("options.keyGroups: expected an integer, got 'many'",
                "options.errorPolicy: 'ignore' is not one of: fail, skip, dead-letter");
    }

    @Test
    void keyGroupsOutOfRangeIsReported() {
        String s = base().replace("\"name\": \"test\"", "\"name\": \"test\", \"options\": {\"keyGroups\": 0}");
        assertThat(problems(s)).containsExactly("options.keyGroups: must be in [1, 32768], was 0");
    }

    @Test
    void deliveryOptionsAreReadAndCheckedWithPaths() throws Exception {
        String ok = base().replace("\"name\": \"test\"", "\"name\": \"test\", \"options\": "
                + "{\"delivery\": \"at-least-once\", \"checkpointInterval\": \"PT0.5S\"}");
        dev.weir.runtime.graph.PipelineOptions options = Specs.compiler().compile(ok).options();
        assertThat(options.deliveryGuarantee()).isEqualTo(dev.weir.runtime.graph.DeliveryGuarantee.AT_LEAST_ONCE);
        assertThat(options.checkpointInterval()).isEqualTo(java.time.Duration.ofMillis(500));
        assertThat(Specs.compiler().compile(base()).options().deliveryGuarantee())
                .as("default").isEqualTo(dev.weir.runtime.graph.DeliveryGuarantee.EXACTLY_ONCE);

        String bad = base().replace("\"name\": \"test\"", "\"name\": \"test\", \"options\": "
                + "{\"delivery\": \"maybe-once\", \"checkpointInterval\": \"PT0S\"}");
        assertThat(problems(bad)).containsExactly(
                "options.delivery: 'maybe-once' is not one of: exactly-once, at-least-once");
        String zero = base().replace("\"name\": \"test\"", "\"name\": \"test\", \"options\": "
                + "{\"checkpointInterval\": \"PT0S\"}");
        assertThat(problems(zero)).containsExactly("options.checkpointInterval: 'PT0S' must be a positive duration");
    }

    @Test
    void stateBackendOptionIsReadAndCheckedWithItsPath() throws Exception {
        String ok = base().replace("\"name\": \"test\"", "\"name\": \"test\", \"options\": {\"stateBackend\": \"rocksdb\"}");
        assertThat(Specs.compiler().compile(ok).options().stateBackend())
                .isEqualTo(dev.weir.runtime.graph.StateBackendKind.ROCKSDB);
        assertThat(Specs.compiler().compile(base()).options().stateBackend())
                .as("default").isEqualTo(dev.weir.runtime.graph.StateBackendKind.HEAP);
        String bad = base().replace("\"name\": \"test\"", "\"name\": \"test\", \"options\": {\"stateBackend\": \"redis\"}");
        assertThat(problems(bad)).containsExactly("options.stateBackend: 'redis' is not one of: heap, rocksdb");
    }

    @Test
    void decodeAheadOptionIsReadAndCheckedWithItsPath() throws Exception {
        String off = base().replace("\"name\": \"test\"", "\"name\": \"test\", \"options\": {\"decodeAhead\": false}");
        assertThat(Specs.compiler().compile(off).options().decodeAhead()).isFalse();
        assertThat(Specs.compiler().compile(base()).options().decodeAhead()).as("default").isTrue();
        String bad = base().replace("\"name\": \"test\"", "\"name\": \"test\", \"options\": {\"decodeAhead\": \"sometimes\"}");
        assertThat(problems(bad)).singleElement().asString().startsWith("options.decodeAhead");
    }

    @Test
    void keyByPartitioningIsReadAndCheckedWithItsPath() throws Exception {
        String source = baseWith("'field': 'user'}", "'field': 'user', 'partitioning': 'source'}");
        assertThat(((KeyByNode<?, ?>) Specs.compiler().compile(source).node("by-user")).partitioning())
                .isInstanceOf(KeyPartitioning.SourcePartitions.class);
        assertThat(((KeyByNode<?, ?>) Specs.compiler().compile(base()).node("by-user")).partitioning())
                .as("default").isEqualTo(KeyPartitioning.hash());
        String bad = baseWith("'field': 'user'}", "'field': 'user', 'partitioning': 'random'}");
        assertThat(problems(bad)).singleElement().asString().startsWith("nodes[1] (name 'by-user').partitioning");
    }

    @Test
    void edgeToUnknownNodeIsReportedAndTheNodeItMissedHasNoInput() {
        assertThat(problems(baseWith("{'from': 'hourly', 'to': 'out'}", "{'from': 'hourly', 'to': 'snk'}")))
                .containsExactly("nodes[3] (name 'out'): has no input; add an edge to it", "edges[2].to: unknown node 'snk'");
    }

    @Test
    void duplicateNodeNameIsReported() {
        assertThat(problems(baseWith("{'name': 'out', 'type': 'sink', 'connector': {'type': 'print'}}",
                "{'name': 'out', 'type': 'sink', 'connector': {'type': 'print'}}, {'name': 'out', 'type': 'union'}")))
                .containsExactly("nodes[4] (name 'out').name: 'out' is already the name of nodes[3] (name 'out')");
    }

    @Test
    void missingRequiredFunctionParameterIsReported() {
        assertThat(problems(enrich("{'retries': 5}")))
                .containsExactly("nodes[1] (name 'enrich').function.config.rate: required parameter missing");
    }

    @Test
    void unknownAndMistypedFunctionParametersAreAllReported() {
        assertThat(problems(enrich("{'rate': 'high', 'retries': 1.5, 'mode': 'SLOW', 'delay': 'soon', 'colour': 1}")))
                .containsExactly(
                        "nodes[1] (name 'enrich').function.config.colour: unknown parameter; "
                                + "parameters of 'enrich': rate, currency, delay, retries, mode",
                        "nodes[1] (name 'enrich').function.config.rate: expected a number, got 'high'",
                        "nodes[1] (name 'enrich').function.config.delay: '" + "soon"
                                + "' is not an ISO-8601 duration (examples: 'PT10S', 'PT0.5S', 'PT5M')",
                        "nodes[1] (name 'enrich').function.config.retries: expected an integer, got 1.5",
                        "nodes[1] (name 'enrich').function.config.mode: 'SLOW' is not one of: FAST, EXACT");
    }

    @Test
    void configRecordValidationIsReported() {
        assertThat(problems(enrich("{'rate': -1}"))).containsExactly(
                "nodes[1] (name 'enrich').function.config: invalid configuration: rate must not be negative, was -1.0");
    }

    @Test
    void functionClassProblemsAreReported() {
        assertThat(problems(withFunction("{'class': 'com.acme.Missing'}")))
                .containsExactly("nodes[1] (name 'enrich').function.class: class 'com.acme.Missing' not found");
        assertThat(problems(withFunction("{'class': '" + T + "NotAnnotated'}"))).containsExactly(
                "nodes[1] (name 'enrich').function.class: " + T + "NotAnnotated is not annotated with @WeirFunction");
        assertThat(problems(withFunction("{'class': '" + T + "NoUsableConstructor'}"))).containsExactly(
                "nodes[1] (name 'enrich').function.class: " + T + "NoUsableConstructor needs a public no-argument constructor");
    }

    @Test
    void functionOfTheWrongKindIsReported() {
        assertThat(problems(withFunction("{'class': '" + T + "RunningCount'}"))).containsExactly(
                "nodes[1] (name 'enrich').function.class: 'running-count' (" + T + "RunningCount) is a keyed function "
                        + "(KeyedFunction); a 'function' node takes a stateless function (StatelessFunction)");
        assertThat(problems(baseWith("{'builtin': 'count'}", "{'class': '" + T + "Enrich', 'config': {'rate': 1}}")))
                .containsExactly("nodes[2] (name 'hourly').function.class: 'enrich' (" + T + "Enrich) is a stateless function "
                        + "(StatelessFunction); a 'window' node takes an aggregate function (AggregateFunction) "
                        + "or a process-window function (ProcessWindowFunction)");
    }

    @Test
    void functionReferenceNeedsExactlyOneOfClassAndBuiltin() {
        assertThat(problems(baseWith("{'builtin': 'count'}", "{'builtin': 'cnt'}"))).containsExactly(
                "nodes[2] (name 'hourly').function.builtin: unknown built-in function 'cnt'; one of: count, sum, field-key");
        assertThat(problems(baseWith("{'builtin': 'count'}", "{'builtin': 'count', 'class': 'x.Y'}")))
                .containsExactly("nodes[2] (name 'hourly').function: give either 'class' or 'builtin', not both");
        assertThat(problems(baseWith("{'builtin': 'count'}", "{}"))).containsExactly("nodes[2] (name 'hourly').function: "
                + "needs 'class' (a function class name) or 'builtin' (one of: count, sum, field-key)");
    }

    @Test
    void builtinParametersAreCheckedToo() {
        assertThat(problems(baseWith("{'builtin': 'count'}", "{'builtin': 'sum'}")))
                .containsExactly("nodes[2] (name 'hourly').function.config.field: required parameter missing");
        assertThat(problems(baseWith("{'builtin': 'count'}", "{'builtin': 'count', 'config': {'field': 'x'}}")))
                .containsExactly("nodes[2] (name 'hourly').function.config: function 'count' takes no parameters");
    }

    @Test
    void keyByFieldMissingFromTheSourcesValueClassIsReported() {
        assertThat(problems(baseWith("'field': 'user'", "'field': 'usr'"))).containsExactly("nodes[1] (name 'by-user').field: "
                + "'usr' is not a field, record component or getter of dev.weir.runtime.spec.connector.Click");
    }

    @Test
    void keyByNeedsExactlyOneOfFieldAndFunction() {
        assertThat(problems(baseWith("'field': 'user'", "'field': 'user', 'function': {'class': '" + T + "ByAuction'}")))
                .containsExactly("nodes[1] (name 'by-user'): give either 'field' or 'function', not both");
    }

    @Test
    void keyedNodeWithoutKeyByInputIsReported() {
        assertThat(problems(baseWith("{'from': 'by-user', 'to': 'hourly'}", "{'from': 'src', 'to': 'hourly'}")))
                .containsExactly("edges[1].from: node 'hourly' (window) needs a keyed input, but 'src' is a source node; "
                        + "put a keyBy node between them");
    }

    @Test
    void edgeFromUndeclaredSideOutputIsReported() {
        assertThat(problems(baseWith("{'from': 'hourly', 'to': 'out'}", "{'from': 'hourly', 'sideOutput': 'late', 'to': 'out'}")))
                .containsExactly("edges[2].sideOutput: window 'hourly' has no side output 'late'; "
                        + "set its lateDataOutput to route late data to it");
        assertThat(problems(baseWith("{'from': 'hourly', 'to': 'out'}", "{'from': 'hourly', 'sideOutput': 'dead-letter', 'to': 'out'}")))
                .containsExactly("edges[2].sideOutput: 'dead-letter' carries failed inputs only when options.errorPolicy is 'dead-letter'");
    }

    @Test
    void edgesIntoSourcesAndOutOfSinksAreReported() {
        assertThat(problems(spec(Specs.NODES, Specs.EDGES + ", {'from': 'out', 'to': 'src'}")))
                .containsExactly("edges[3].to: node 'src' is a source and takes no input");
    }

    @Test
    void inputNumbersAreChecked() {
        assertThat(problems(baseWith("{'from': 'hourly', 'to': 'out'}", "{'from': 'hourly', 'to': 'out', 'input': 1}")))
                .containsExactly("edges[2].input: node 'out' has a single input, 0; got 1");
        assertThat(problems(spec(Specs.NODES, Specs.EDGES + ", {'from': 'hourly', 'to': 'out'}")))
                .containsExactly("edges[3].input: input 0 of node 'out' is already connected by edges[2]");
    }

    @Test
    void intervalJoinInputsMustBeExplicitAndComplete() {
        String nodes = """
                {'name': 'a', 'type': 'source', 'connector': {'type': 'generator'}},
                {'name': 'ka', 'type': 'keyBy', 'field': 'user'},
                {'name': 'j', 'type': 'intervalJoin', 'lowerBound': 'PT5S', 'upperBound': 'PT-5S',
                 'function': {'class': '%sPairJoin'}},
                {'name': 'out', 'type': 'sink', 'connector': {'type': 'print'}}""".formatted(T);
        assertThat(problems(spec(nodes, "{'from': 'a', 'to': 'ka'}, {'from': 'ka', 'to': 'j', 'input': 0}, {'from': 'j', 'to': 'out'}")))
                .containsExactly("nodes[2] (name 'j').upperBound: 'PT-5S' is below lowerBound 'PT5S'",
                        "nodes[2] (name 'j'): input 1 (right) is not connected");
        assertThat(problems(spec(nodes, "{'from': 'a', 'to': 'ka'}, {'from': 'ka', 'to': 'j'}, {'from': 'j', 'to': 'out'}")))
                .contains("edges[1].input: required for an edge into an intervalJoin: 0 (left) or 1 (right)");
    }

    @Test
    void cycleIsReported() {
        String nodes = Specs.NODES + ", {'name': 'f', 'type': 'function', 'function': {'class': '" + T + "Enrich', 'config': {'rate': 1}}},"
                + "{'name': 'u', 'type': 'union'}";
        String edges = "{'from': 'src', 'to': 'u'}, {'from': 'f', 'to': 'u'}, {'from': 'u', 'to': 'f'}, {'from': 'u', 'to': 'by-user'},"
                + "{'from': 'by-user', 'to': 'hourly'}, {'from': 'hourly', 'to': 'out'}";
        assertThat(problems(spec(nodes, edges)))
                .containsExactly("edges: the edges form a cycle; nodes on or after it: by-user, hourly, out, f, u");
    }

    @Test
    void triggerThatDoesNotFitTheWindowsIsReported() {
        assertThat(problems(baseWith("'size': 'PT1H'}", "'size': 'PT1H'}, 'trigger': {'type': 'processing-time'}")))
                .containsExactly("nodes[2] (name 'hourly').trigger.type: a 'processing-time' trigger does not fit event-time "
                        + "windows; use 'event-time' or 'early'");
        assertThat(problems(baseWith("{'type': 'tumbling', 'size': 'PT1H'}", "{'type': 'session', 'gap': 'PT1M'}, "
                + "'trigger': {'type': 'count', 'count': 0}")))
                .containsExactly("nodes[2] (name 'hourly').trigger.count: must be at least 1, was 0");
        assertThat(problems(baseWith("{'type': 'tumbling', 'size': 'PT1H'}", "{'type': 'session', 'gap': 'PT1M'}, "
                + "'trigger': {'type': 'count', 'count': 5}"))).containsExactly("nodes[2] (name 'hourly').trigger.type: "
                + "a 'count' trigger cannot merge windows, so it cannot be used with session windows");
    }

    @Test
    void slidingWindowsNeedASlideWithinTheSize() {
        assertThat(problems(baseWith("{'type': 'tumbling', 'size': 'PT1H'}", "{'type': 'sliding', 'size': 'PT1M', 'slide': 'PT2M'}")))
                .containsExactly("nodes[2] (name 'hourly').window.slide: 'PT2M' must not exceed size 'PT1M'");
    }

    @Test
    void latenessSettingsOfProcessingTimeWindowsAreReported() {
        assertThat(problems(baseWith("'size': 'PT1H'}", "'size': 'PT1H', 'timeDomain': 'processing'}, "
                + "'allowedLateness': 'PT1S', 'lateDataOutput': 'late'"))).containsExactly(
                "nodes[2] (name 'hourly').allowedLateness: only applies to event-time windows",
                "nodes[2] (name 'hourly').lateDataOutput: only applies to event-time windows");
    }

    @Test
    void watermarkSettingsAreChecked() {
        assertThat(problems(baseWith("'count': 10}", "'count': 10}, 'watermarks': {'maxOutOfOrderness': 'PT-1S', "
                + "'emission': 'per-event', 'interval': 'PT1S', 'timestampField': 'when'}"))).containsExactly(
                "nodes[0] (name 'src').watermarks.maxOutOfOrderness: 'PT-1S' must not be negative",
                "nodes[0] (name 'src').watermarks.timestampField: 'when' is not a field, record component or getter of "
                        + "dev.weir.runtime.spec.connector.Click",
                "nodes[0] (name 'src').watermarks.interval: only applies to 'periodic' emission");
    }

    @Test
    void jsonLinesSourceNeedsAnExistingFileAndATimestampField() {
        assertThat(problems(baseWith("{'type': 'generator', 'count': 10}", "{'type': 'jsonl', 'path': 'no/such.jsonl'}")))
                .hasSize(2)
                .anySatisfy(p -> assertThat(p).startsWith("nodes[0] (name 'src').connector.path: file '").endsWith("such.jsonl' does not exist"))
                .contains("nodes[0] (name 'src').watermarks.timestampField: required: a 'jsonl' source's lines carry no timestamp; "
                        + "name the field that holds event time");
    }

    @Test
    void everyProblemIsReportedInDocumentOrder() {
        String s = base().replace("\"PT1H\"", "\"PT0S\"").replace("\"count\": 10", "\"count\": -1")
                .replace("{\"from\": \"hourly\", \"to\": \"out\"}", "{\"from\": \"hourly\", \"to\": \"snk\"}");
        assertThat(problems(s)).containsExactly(
                "nodes[0] (name 'src').connector.count: must not be negative, was -1",
                "nodes[2] (name 'hourly').window.size: 'PT0S' must be a positive duration",
                "nodes[3] (name 'out'): has no input; add an edge to it",
                "edges[2].to: unknown node 'snk'");
    }

    @Test
    void aBrokenNodeDoesNotCauseFollowOnProblems() {
        assertThat(problems(baseWith("'window': {'type': 'tumbling', 'size': 'PT1H'}", "'window': {'type': 'tumbling'}")))
                .containsExactly("nodes[2] (name 'hourly').window.size: required property missing");
    }

    @Test
    void pipelineNeedsASourceAndASink() {
        assertThat(problems(spec("{'name': 'u', 'type': 'union'}", ""))).containsExactly(
                "nodes: the pipeline needs at least one source node", "nodes: the pipeline needs at least one sink node",
                "nodes[0] (name 'u'): has no input; add an edge to it");
    }

    @Test
    void compileThrowsOneExceptionHoldingEveryProblem() {
        assertThatThrownBy(() -> Specs.compiler().compile(baseWith("'size': 'PT1H'", "'size': 'PT0S'")))
                .isInstanceOf(SpecException.class)
                .hasMessage("1 problem in the pipeline spec:\n  nodes[2] (name 'hourly').window.size: 'PT0S' must be a positive duration")
                .satisfies(e -> assertThat(((SpecException) e).problems())
                        .containsExactly(new SpecProblem("nodes[2] (name 'hourly').window.size", "'PT0S' must be a positive duration")));
    }

    private static String enrich(String config) {
        return withFunction("{'class': '" + T + "Enrich', 'config': " + config + "}");
    }

    /** src -> enrich (a function node with {@code ref}) -> out. */
    private static String withFunction(String ref) {
        return spec("""
                {'name': 'src', 'type': 'source', 'connector': {'type': 'generator'}},
                {'name': 'enrich', 'type': 'function', 'function': %s},
                {'name': 'out', 'type': 'sink', 'connector': {'type': 'print'}}""".formatted(ref),
                "{'from': 'src', 'to': 'enrich'}, {'from': 'enrich', 'to': 'out'}");
    }
}
