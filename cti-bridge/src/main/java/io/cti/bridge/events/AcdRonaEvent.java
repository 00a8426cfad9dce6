package io.cti.bridge.events;

import org.asteriskjava.manager.event.UserEvent;

/**
 * {@code UserEvent: AcdRona}, raised by the platform's agent-connect context ({@code cti-agent-connect}) when the
 * agent's phone did not answer: it rang out, was busy, or could not be reached at all. For the last there is no
 * DialBegin or DialEnd (no channel was ever created), so this event is the only word of it. Headers, the contract of
 * config/asterisk/README.md: the channel snapshot followed by {@code CallId}, {@code Agent} (the agent's PJSIP
 * endpoint name), {@code Skill} and {@code DialStatus}. Public with an (Object) constructor because asterisk-java
 * instantiates it reflectively; mutable like every asterisk-java event; not thread-safe.
 */
public class AcdRonaEvent extends UserEvent {

    private static final long serialVersionUID = 1L;

    private String linkedId;
    private String callId;
    private String agent;
    private String skill;
    private String dialStatus;

    public AcdRonaEvent(Object source) {
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

    public String getAgent() {
        return agent;
    }

    public void setAgent(String agent) {
        this.agent = agent;
    }

    public String getSkill() {
        return skill;
    }

    public void setSkill(String skill) {
        this.skill = skill;
    }

    public String getDialStatus() {
        return dialStatus;
    }

    public void setDialStatus(String dialStatus) {
        this.dialStatus = dialStatus;
    }
}
