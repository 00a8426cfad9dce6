package io.cti.console.push;

import java.nio.charset.StandardCharsets;

/**
 * One text frame for the push sockets, encoded once however many sockets it goes to, with its size in bytes as it
 * travels (what the per-socket send queue limit counts). Immutable.
 */
record OutboundFrame(String text, int bytes) {

    static OutboundFrame of(String text) {
        return new OutboundFrame(text, text.getBytes(StandardCharsets.UTF_8).length);
    }
}
