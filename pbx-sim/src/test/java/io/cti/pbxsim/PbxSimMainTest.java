package io.cti.pbxsim;

import io.cti.pbxsim.clock.VirtualClock;
import io.cti.pbxsim.testing.AmiTestClient;
import io.cti.pbxsim.traffic.PopulationException;
import io.cti.pbxsim.traffic.TrafficPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The standalone simulator's command line. */
class PbxSimMainTest {

    @Test
    void theCommandLineStartsAnAmiServerForTheGivenUsers() {
        try (Simulator running = PbxSimMain.start(new String[] {
                "--port", "0", "--user", "cti", "--secret", "s3cret", "--user", "ops", "--secret", "other"})) {
            for (String[] user : new String[][] {{"cti", "s3cret"}, {"ops", "other"}}) {
                try (AmiTestClient client = AmiTestClient.loggedIn(running.port(), user[0], user[1])) {
                    client.send("Action: Ping\r\n\r\n");
                    assertThat(client.read(Duration.ofSeconds(5)).get("Ping")).isEqualTo("Pong");
                }
            }
        }
    }

    @Test
    void theReferenceDialplanAnswersAnOriginateIntoTheRecordedHoldingContext() {
        try (Simulator running = PbxSimMain.start(new String[] {
                "--port", "0", "--user", "cti", "--secret", "s", "--speed", "10", "--dialplan", "reference"});
             AmiTestClient client = AmiTestClient.loggedIn(running.port(), "cti", "s")) {
            client.send("Action: Originate\r\nChannel: Local/100@acd-inbound\r\nApplication: Wait\r\nData: 60\r\n"
                    + "Async: true\r\nActionID: o1\r\n\r\n");

            assertThat(client.readUntil(m -> m.isEvent("OriginateResponse"), Duration.ofSeconds(10)))
                    .last().satisfies(response -> assertThat(response.get("Reason")).isEqualTo("4"));
        }
    }

    @Test
    void thePlatformDialplanIsTheDefault() {
        try (Simulator running = PbxSimMain.start(new String[] {"--no-ami"})) {
            assertThat(running.pbx().getVariable(null, "EPOCH").join()).isNotEmpty();
            assertThat(running.port()).isEqualTo(-1);
            assertThat(running.traffic()).isEmpty();
        }
    }

    @Test
    void trafficOptionsBecomeASeededPlanOnTheVirtualClock() throws InterruptedException {
        try (Simulator running = PbxSimMain.start(new String[] {"--no-ami", "--clock", "virtual", "--seed", "7",
                "--queue", "support=5550100@120", "--queue", "ivr=5550000:2@30", "--agents", "2001-2003",
                "--ring-delay", "1-3", "--no-answer", "0.1", "--auto-route"})) {
            TrafficPlan plan = running.traffic().orElseThrow().plan();
            ((VirtualClock) running.clock()).runFor(Duration.ofHours(1));

            assertThat(plan.seed()).isEqualTo(7);
            assertThat(plan.queues()).extracting(q -> q.name() + ":" + q.dnis() + ":" + q.digits())
                    .containsExactly("support:5550100:", "ivr:5550000:2");
            assertThat(plan.agents().devices()).containsExactly("PJSIP/2001", "PJSIP/2002", "PJSIP/2003");
            assertThat(plan.autoRoute()).isTrue();
            assertThat(running.traffic().orElseThrow().stats().inboundConnected()).isPositive();
            assertThat(PbxSimMain.summary(running, Duration.ofHours(1), Duration.ofSeconds(1)))
                    .contains("events").contains("inbound: ");
        }
    }

    @Test
    void aDayCurveReplacesItsQueuesRate() {
        String curve = "0,0,0,0,0,0,0,0,10,20,20,20,20,20,20,20,20,10,0,0,0,0,0,0";
        try (Simulator running = PbxSimMain.start(new String[] {"--no-ami", "--clock", "virtual",
                "--queue", "support=5550100@1", "--day-curve", "support=" + curve, "--zone", "Europe/Berlin"})) {
            assertThat(running.traffic().orElseThrow().plan().queues().get(0).rate().peakPerHour()).isEqualTo(20);
        }
    }

    @Test
    void aBrokenPopulationFileStopsTheStartNamingItsLine(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("population.jsonl"),
                "# callees\n{\"phone\":\"+4930123456\",\"timeZone\":\"Nowhere/City\",\"answer\":1}\n");

        assertThatThrownBy(() -> PbxSimMain.start(new String[] {"--no-ami", "--population", file.toString()}))
                .isInstanceOf(PopulationException.class)
                .hasMessageContaining("line 2, field 'timeZone'");
    }

    @Test
    void aMalformedQueueIsRefusedNamingTheOption() {
        assertThatThrownBy(() -> PbxSimMain.start(new String[] {"--no-ami", "--queue", "support@120"}))
                .isInstanceOf(PbxSimException.class)
                .hasMessageContaining("--queue")
                .hasMessageContaining("NAME=DNIS[:DIGITS]@RATE");
    }

    @Test
    void dialingOutWithoutAPopulationIsRefused() {
        assertThatThrownBy(() -> PbxSimMain.start(new String[] {"--no-ami", "--dial-rate", "60"}))
                .isInstanceOf(PbxSimException.class)
                .hasMessageContaining("--population");
    }

    @Test
    void aSecretWithoutUserIsRefusedNamingTheArgument() {
        assertThatThrownBy(() -> PbxSimMain.start(new String[] {"--port", "0", "--secret", "s"}))
                .isInstanceOf(PbxSimException.class)
                .hasMessageContaining("--secret");
    }

    @Test
    void noUserAtAllIsRefused() {
        assertThatThrownBy(() -> PbxSimMain.start(new String[] {"--port", "0"}))
                .isInstanceOf(PbxSimException.class)
                .hasMessageContaining("--user");
    }
}
