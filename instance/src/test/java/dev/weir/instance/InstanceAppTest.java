package dev.weir.instance;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Starts the instance on test-pipeline.json (generator of 2000 clicks → keyBy → tumbling count → print). */
@QuarkusTest
class InstanceAppTest {
    private static final Duration DEADLINE = Duration.ofSeconds(20);

    @Test
    void readinessIsUpAndMetricsShowTheFinishedRun() throws InterruptedException {
        awaitMetric("(?s).*\\nweir_pipeline_state(\\{\\})? 2\\.0\\n.*");

        given().when().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks[0].name", equalTo("weir-pipeline"))
                .body("checks[0].data.state", equalTo("FINISHED"));
        given().when().get("/q/health/live").then()
                .statusCode(200)
                .body("status", equalTo("UP"));
        given().when().get("/q/metrics").then()
                .statusCode(200)
                .body(containsString("# TYPE weir_pipeline_state gauge"))
                .body(matchesPattern("(?s).*\\nweir_operator_records_in\\{operator=\"clicks-per-10s\",pipeline=\"clicks-per-user\"\\} 2000\\.0\\n.*"))
                .body(matchesPattern("(?s).*\\nweir_operator_records_out\\{operator=\"clicks\",pipeline=\"clicks-per-user\"\\} 2000\\.0\\n.*"));
    }

    /** Polls {@code /q/metrics} until its body matches: the pipeline runs on its own thread. */
    private static void awaitMetric(String regex) throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        String body = "";
        while (System.nanoTime() < deadline) {
            body = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
            if (body.matches(regex)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no metric matching " + regex + " within " + DEADLINE + "; metrics were:\n" + body);
    }
}
