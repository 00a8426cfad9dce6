package io.cti.pbxsim.ami;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Cutting bytes into AMI messages, without a network. */
class AmiFrameDecoderTest {

    private final EmbeddedChannel channel = new EmbeddedChannel(
            new AmiFrameDecoder(AmiServerConfig.defaults(List.of(new AmiUser("u", "s")))));

    @Test
    void headersKeepTheirOrderAndValuesLoseTheBlanksAfterTheColon() {
        AmiMessage message = decode("Action: Originate\r\nVariable: A=1\r\nVariable:B=2\r\nData: \r\n\r\n");
        assertThat(message.headers()).containsExactly(
                new AmiMessage.Header("Action", "Originate"),
                new AmiMessage.Header("Variable", "A=1"),
                new AmiMessage.Header("Variable", "B=2"),
                new AmiMessage.Header("Data", ""));
        assertThat(message.variables()).containsExactly(java.util.Map.entry("A", "1"), java.util.Map.entry("B", "2"));
    }

    @Test
    void aLineWithoutColonIsKeptButMatchesNoHeader() {
        AmiMessage message = decode("garbage line\r\nAction: Ping\r\n\r\n");
        assertThat(message.headers()).hasSize(2);
        assertThat(message.get("garbage line")).isEmpty();
        assertThat(message.get("Action")).isEqualTo("Ping");
    }

    @Test
    void headerNamesAreMatchedWithoutRegardToCase() {
        assertThat(decode("ACTION: Ping\r\nactionid: 7\r\n\r\n").get("ActionID")).isEqualTo("7");
    }

    @Test
    void nothingIsEmittedUntilTheEmptyLineArrives() {
        channel.writeInbound(Unpooled.copiedBuffer("Action: Ping\r\n", StandardCharsets.UTF_8));
        assertThat((Object) channel.readInbound()).isNull();
        channel.writeInbound(Unpooled.copiedBuffer("\r\n", StandardCharsets.UTF_8));
        assertThat((Object) channel.readInbound()).isInstanceOf(AmiMessage.class);
    }

    @Test
    void anEndlessLineIsSkippedAsItArrivesAndItsMessageReportedTooLarge() {
        for (int i = 0; i < 1000; i++) {
            channel.writeInbound(Unpooled.copiedBuffer("x".repeat(10_000), StandardCharsets.UTF_8));
        }
        channel.writeInbound(Unpooled.copiedBuffer("\r\n\r\nAction: Ping\r\n\r\n", StandardCharsets.UTF_8));

        assertThat((Object) channel.readInbound()).isEqualTo(FrameProblem.FRAME_TOO_LARGE);
        assertThat(((AmiMessage) channel.readInbound()).get("Action")).isEqualTo("Ping");
    }

    @Test
    void aLineOverTheLineCapDropsItsMessageWithoutAnswer() {
        channel.writeInbound(Unpooled.copiedBuffer("Action: Ping\r\nX: " + "x".repeat(2000)
                + "\r\n\r\nAction: Ping\r\nActionID: next\r\n\r\n", StandardCharsets.UTF_8));

        assertThat(((AmiMessage) channel.readInbound()).get("ActionID")).isEqualTo("next");
        assertThat((Object) channel.readInbound()).isNull();
    }

    private AmiMessage decode(String text) {
        channel.writeInbound(Unpooled.copiedBuffer(text, StandardCharsets.UTF_8));
        return channel.readInbound();
    }
}
