package org.cqpsuite.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 8, consumer crash: the eligibility-service is killed (SIGKILL) five times while it consumes a backlog (the
 * events of the 2 580-fiche directory import, published while it was down), each time after it applied part of it.
 * Once it has caught up, its read model must equal a clean rebuild from the topics: same checksum, same counts.
 * What it had applied but not yet committed when killed is read again, and must be applied only once in effect.
 */
class ConsumerCrashIT {

    private static final int KILLS = 5;
    private static final String CSV_2021 = "demo-data/france-competences/csv-2021-01";

    private static LocalSuite suite;

    @BeforeAll
    static void up() throws Exception {
        suite = new LocalSuite("consumer-crash-home");
        LocalSuite.Result up = suite.suite("up");
        assertThat(up.exitCode()).as(up.output()).isZero();
    }

    @AfterAll
    static void down() throws Exception {
        if (suite != null) {
            suite.suite("down");
        }
    }

    @Test
    void killedFiveTimesWhileConsumingABacklogItEndsEqualToACleanRebuild() throws Exception {
        kill();
        LocalSuite.Result imported = suite.suite("import", SuiteRoot.ROOT.resolve(CSV_2021).toString());
        assertThat(imported.exitCode()).as(imported.output()).isZero();

        List<Long> appliedAtKill = new ArrayList<>();
        long applied = 0;
        for (int i = 0; i < KILLS; i++) {
            LocalSuite.Result restarted = suite.suite("up");
            assertThat(restarted.exitCode()).as(restarted.output()).isZero();
            long before = applied;
            // Kill it as soon as it has applied something more, so that it dies in the middle of the backlog.
            applied = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                    .until(ConsumerCrashIT::appliedNow, seen -> seen > before);
            kill();
            appliedAtKill.add(applied);
        }
        System.out.println("Events applied (as /freshness counted them just before each kill): " + appliedAtKill);

        LocalSuite.Result restarted = suite.suite("up");
        assertThat(restarted.exitCode()).as(restarted.output()).isZero();
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(suite::caughtUp);
        JsonNode live = json("/read-model");

        LocalSuite.Result rebuild = suite.suite("rebuild");
        assertThat(rebuild.exitCode()).as(rebuild.output()).isZero();
        JsonNode rebuilt = json("/read-model");

        assertThat(rebuilt.at("/summary/checksum").asText()).as("checksum after %d kills vs. a clean rebuild", KILLS)
                .isEqualTo(live.at("/summary/checksum").asText());
        assertThat(rebuilt.get("summary")).isEqualTo(live.get("summary"));
        assertThat(live.at("/summary/certifications").asLong()).as(live.toString()).isGreaterThanOrEqualTo(2_580);
    }

    private static void kill() throws Exception {
        long pid = suite.pid("eligibility");
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        await().atMost(Duration.ofSeconds(30)).until(() -> !LocalSuite.running(pid));
    }

    /**
     * Events applied so far, as the running service says (its count is kept in the read model's database, so it
     * goes on from where the killed one stopped); 0 while it is not answering yet.
     */
    private static long appliedNow() {
        try {
            LocalSuite.Answer freshness = suite.get("eligibility", "/freshness");
            if (freshness.status() != 200) {
                return 0;
            }
            long applied = 0;
            for (JsonNode topic : freshness.json().get("topics")) {
                applied += topic.get("applied").asLong();
            }
            return applied;
        } catch (Exception e) {
            return 0;
        }
    }

    private static JsonNode json(String path) throws Exception {
        LocalSuite.Answer answer = suite.get("eligibility", path);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return answer.json();
    }
}
