package io.cti.pbxsim.ami;

import java.util.List;

/**
 * What the server answers to one action: the messages written at once (the response, any list that follows it,
 * FullyBooted after a login), and whether the connection closes after them. Immutable.
 */
record Reply(List<AmiMessage> messages, boolean close) {

    Reply {
        messages = List.copyOf(messages);
    }

    static Reply of(AmiMessage... messages) {
        return new Reply(List.of(messages), false);
    }

    static Reply of(List<AmiMessage> messages) {
        return new Reply(messages, false);
    }

    static Reply closing(AmiMessage message) {
        return new Reply(List.of(message), true);
    }
}
