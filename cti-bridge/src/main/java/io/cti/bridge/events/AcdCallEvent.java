package io.cti.bridge.events;

import org.asteriskjava.manager.event.UserEvent;

/**
 * The headers every {@code UserEvent} of the platform's dialplan carries after the channel snapshot, as
 * config/asterisk/README.md lists them: {@code Linkedid}, {@code CallId} (the call's first Uniqueid) and
 * {@code Skill} (the queue). Public because asterisk-java fills the subclasses' bean properties reflectively;
 * abstract because only the concrete UserEvents are registered with a connection. Mutable like every asterisk-java
 * event; not thread-safe.
 */
public abstract class AcdCallEvent extends UserEvent {

    private static final long serialVersionUID = 1L;

    private String linkedId;
    private String callId;
    private String skill;

    protected AcdCallEvent(Object source) {
        super(source);
    }

    public String getLinkedId() {
        return linkedId;
    }

    public void setLinkedId(String linkedId) {
        this.linkedId = linkedId;
    }

    public String getCallId() {
        return callId;
    }

    public void setCallId(String callId) {
        this.callId = callId;
    }

    public String getSkill() {
        return skill;
    }

    public void setSkill(String skill) {
        this.skill = skill;
    }
}
