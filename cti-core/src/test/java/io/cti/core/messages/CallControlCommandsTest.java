package io.cti.core.messages;

import io.cti.core.ids.AgentId;
import io.cti.core.ids.CallId;
import io.cti.core.ids.QueueName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules of the console's call-control commands that hold whoever sends them. */
class CallControlCommandsTest {

    private static final CallId CALL = CallId.of("1736121600.1");
    private static final AgentId AGENT = AgentId.of("agent01");

    @Test
    void aTransferToAQueueNamesThatQueueAndNoAgent() {
        TransferCall transfer = TransferCall.now(CALL, AGENT, TransferTarget.queue(QueueName.of("sales")));

        assertThat(transfer.target().queue()).contains(QueueName.of("sales"));
        assertThat(transfer.target().agent()).isEmpty();
    }

    @Test
    void anAgentCannotTransferACallToThemselves() {
        assertThatThrownBy(() -> TransferCall.now(CALL, AGENT, TransferTarget.agent(AGENT)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("agent01")
                .hasMessageContaining("themselves");
    }

    @Test
    void aTargetThatIsNoValidQueueNameIsRefusedNamingIt() {
        assertThatThrownBy(() -> new TransferTarget(TransferTarget.Kind.QUEUE, "sales floor"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'sales floor'");
    }
}
