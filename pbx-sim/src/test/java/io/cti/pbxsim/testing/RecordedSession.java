package io.cti.pbxsim.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The recorded main connection cut into steps: each action the client sent, with the server's messages that
 * answered it (its response and every event up to the next response). Immutable after construction.
 */
public final class RecordedSession {

    /** One action and what the recorded server sent for it. */
    public record Step(String actionId, byte[] action, List<WireMessage> recorded) {
    }

    private final String banner;
    private final Map<String, Step> steps = new LinkedHashMap<>();

    public RecordedSession(byte[] clientRaw, byte[] serverRaw) {
        this.banner = AmiRecording.banner(serverRaw);
        List<byte[]> actions = AmiRecording.actions(clientRaw);
        List<List<WireMessage>> segments = new ArrayList<>();
        for (WireMessage message : AmiRecording.messages(serverRaw, true)) {
            if (message.isResponse()) {
                segments.add(new ArrayList<>());
            }
            if (segments.isEmpty()) {
                throw new IllegalArgumentException("recorded events before the first response");
            }
            segments.get(segments.size() - 1).add(message);
        }
        if (segments.size() != actions.size()) {
            throw new IllegalArgumentException(actions.size() + " actions but " + segments.size() + " responses");
        }
        for (int i = 0; i < actions.size(); i++) {
            String id = actionId(actions.get(i));
            steps.put(id, new Step(id, actions.get(i), List.copyOf(segments.get(i))));
        }
    }

    public static RecordedSession reference() {
        return new RecordedSession(AmiRecording.resource("ami-transcript.main.client.raw"),
                AmiRecording.resource("ami-transcript.main.server.raw"));
    }

    public String banner() {
        return banner;
    }

    public List<Step> steps() {
        return List.copyOf(steps.values());
    }

    public Step step(String actionId) {
        Step step = steps.get(actionId);
        if (step == null) {
            throw new IllegalArgumentException("no recorded action " + actionId);
        }
        return step;
    }

    private static String actionId(byte[] action) {
        for (String line : new String(action, StandardCharsets.UTF_8).split("\r\n")) {
            if (line.startsWith("ActionID: ")) {
                return line.substring("ActionID: ".length());
            }
        }
        throw new IllegalArgumentException("recorded action without ActionID");
    }
}
