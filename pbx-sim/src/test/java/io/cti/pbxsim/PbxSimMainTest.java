package io.cti.pbxsim;

import io.cti.pbxsim.testing.AmiTestClient;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The standalone simulator's command line. */
class PbxSimMainTest {

    @Test
    void theCommandLineStartsAnAmiServerForTheGivenUsers() {
        try (PbxSimMain.Running running = PbxSimMain.start(new String[] {
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
    void theBundledReferenceDialplanAnswersAnOriginateIntoTheHoldingContext() {
        try (PbxSimMain.Running running = PbxSimMain.start(new String[] {
                "--port", "0", "--user", "cti", "--secret", "s", "--speed", "10"});
             AmiTestClient client = AmiTestClient.loggedIn(running.port(), "cti", "s")) {
            client.send("Action: Originate\r\nChannel: Local/100@acd-inbound\r\nApplication: Wait\r\nData: 60\r\n"
                    + "Async: true\r\nActionID: o1\r\n\r\n");

            assertThat(client.readUntil(m -> m.isEvent("OriginateResponse"), Duration.ofSeconds(10)))
                    .last().satisfies(response -> assertThat(response.get("Reason")).isEqualTo("4"));
        }
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
