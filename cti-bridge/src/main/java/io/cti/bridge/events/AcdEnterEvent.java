package io.cti.bridge.events;

import org.asteriskjava.manager.event.UserEvent;

/**
 * {@code UserEvent: AcdEnter}, raised by the platform's holding context when a caller starts waiting for an agent
 * (the event the bridge turns into CallArrived). asterisk-java drops any custom UserEvent it has no class for, so
 * this class is registered with every connection; it must be public with a public (Object) constructor because
 * asterisk-java instantiates it reflectively. Headers: the channel snapshot (Channel, Uniqueid, Linkedid,
 * CallerIDNum, Exten...) plus {@code Queue} (or the recording's {@code Skill}), optionally {@code Dnis}, and
 * {@code CallId}. Mutable like every asterisk-java event; not thread-safe.
 */
public class AcdEnterEvent extends UserEvent {

    private static final long serialVersionUID = 1L;

    private String linkedId;
    private String queue;
    private String skill;
    private String dnis;
    private String callId;

    public AcdEnterEvent(Object source) {
        super(source);
    }

    public String getLinkedId() {
        return linkedId;
    }

    public void setLinkedId(String linkedId) {
        this.linkedId = linkedId;
    }

    public String getQueue() {
        return queue;
    }

    public void setQueue(String queue) {
        this.queue = queue;
    }

    public String getSkill() {
        return skill;
    }

    public void setSkill(String skill) {
        this.skill = skill;
    }

    public String getDnis() {
        return dnis;
    }

    public void setDnis(String dnis) {
        this.dnis = dnis;
    }

    public String getCallId() {
        return callId;
    }

    public void setCallId(String callId) {
        this.callId = callId;
    }
}
