package io.cti.pbxsim.traffic;

import io.cti.pbxsim.calls.ManagerEvent;
import io.cti.pbxsim.calls.Pbx;
import io.cti.pbxsim.calls.PbxListener;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A stand-in for the platform's router when pbx-sim runs alone: it reads the platform dialplan's events and sends
 * each waiting call (AcdEnter; a live outbound answer, OutboundLive, goes first) to the agent free longest, with a
 * Redirect to {@code cti-agent-connect}. An agent who lets a call ring out (AcdRona) pauses for
 * {@link #RONA_PAUSE} and the call goes back to the head of the line; an agent whose phone is free again
 * (DeviceStateChange NOT_INUSE) takes the next call. Runs on the clock thread (as a listener); its redirects run
 * once the event that caused them has been fully raised.
 */
final class AutoRouter implements PbxListener {

    static final Duration RONA_PAUSE = Duration.ofSeconds(30);

    private enum State { FREE, RESERVED, BUSY, PAUSED }

    private final Pbx pbx;
    private final Map<String, State> agents = new LinkedHashMap<>();
    private final Deque<String> free = new ArrayDeque<>();
    private final Deque<String> waiting = new ArrayDeque<>();

    AutoRouter(Pbx pbx, AgentPhones phones) {
        this.pbx = pbx;
        for (String device : phones.devices()) {
            agents.put(device, State.FREE);
            free.addLast(device);
        }
    }

    @Override
    public void onEvent(ManagerEvent event) {
        switch (event.name()) {
            case "UserEvent" -> userEvent(event);
            case "DeviceStateChange" -> deviceState(event.get("Device"), event.get("State"));
            case "Hangup" -> waiting.remove(event.get("Channel"));
            default -> {
                return;
            }
        }
        dispatch();
    }

    private void userEvent(ManagerEvent event) {
        String channel = event.get("Channel");
        switch (String.valueOf(event.get("UserEvent"))) {
            case "AcdEnter" -> waiting.addLast(channel);
            case "OutboundLive" -> waiting.addFirst(channel);
            case "AcdRona" -> {
                waiting.addFirst(channel);
                String device = deviceOf(event.get("Agent"));
                if (agents.containsKey(device)) {
                    agents.put(device, State.PAUSED);
                    free.remove(device);
                    pbx.clock().schedule(RONA_PAUSE, () -> {
                        if (agents.get(device) == State.PAUSED) {
                            makeFree(device);
                            dispatch();
                        }
                    });
                }
            }
            default -> {
                return;
            }
        }
    }

    private void deviceState(String device, String state) {
        State current = agents.get(device);
        if (current == null) {
            return;
        }
        if ("INUSE".equals(state) && current == State.RESERVED) {
            agents.put(device, State.BUSY);
        } else if ("NOT_INUSE".equals(state) && (current == State.BUSY || current == State.RESERVED)) {
            makeFree(device);
        }
    }

    private void dispatch() {
        while (!free.isEmpty() && !waiting.isEmpty()) {
            String device = free.pollFirst();
            String channel = waiting.pollFirst();
            agents.put(device, State.RESERVED);
            pbx.redirect(channel, "cti-agent-connect", device.substring(device.indexOf('/') + 1), 1)
                    .exceptionally(gone -> {
                        // The caller hung up before the redirect reached them: the agent is free again.
                        if (agents.get(device) == State.RESERVED) {
                            makeFree(device);
                            dispatch();
                        }
                        return null;
                    });
        }
    }

    private void makeFree(String device) {
        agents.put(device, State.FREE);
        if (!free.contains(device)) {
            free.addLast(device);
        }
    }

    private static String deviceOf(String agent) {
        return "PJSIP/" + agent;
    }
}
