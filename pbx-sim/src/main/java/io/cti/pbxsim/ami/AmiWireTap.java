package io.cti.pbxsim.ami;

import java.net.SocketAddress;

/**
 * Sees every byte AMI clients send, as received and before any parsing: for tests that must prove what did or did
 * not reach the PBX (an injected action, say). Called on the connection's I/O thread; must not block.
 */
@FunctionalInterface
public interface AmiWireTap {

    /** {@code bytes} (a copy) arrived from {@code client}. */
    void received(SocketAddress client, byte[] bytes);
}
