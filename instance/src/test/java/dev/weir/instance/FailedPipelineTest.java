package dev.weir.instance;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An instance whose spec is missing starts, stays live, and reports the failure through readiness and the state gauge. */
@QuarkusTest
@TestProfile(FailedPipelineTest.MissingSpec.class)
class FailedPipelineTest {

    public static final class MissingSpec implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("weir.pipeline.spec", "src/test/resources/no-such-pipeline.json");
        }
    }

    @Test
    void missingSpecMakesTheInstanceUnreadyWithTheError() throws InterruptedException {
        // the pipeline thread fails almost at once; poll readiness until it does
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (given().get("/q/health/ready").statusCode() != 503 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        given().when().get("/q/health/ready").then()
                .statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("checks[0].data.state", equalTo("FAILED"))
                .body("checks[0].data.error", containsString("no such file"))
                .body("checks[0].data.error", containsString("no-such-pipeline.json"));
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("\nweir_pipeline_state 3.0\n"));
    }
}
