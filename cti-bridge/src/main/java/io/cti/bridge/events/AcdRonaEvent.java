package io.cti.bridge.events;

/**
 * {@code UserEvent: AcdRona}, raised by the platform's agent-connect context ({@code cti-agent-connect}) when the
 * agent's phone did not answer: it rang out, was busy, or could not be reached at all. For the last there is no
 * DialBegin or DialEnd (no channel was ever created), so this event is the only word of it. Headers, the contract of
 * config/asterisk/README.md: the channel snapshot followed by {@code CallId}, {@code Agent} (the agent's PJSIP
 * endpoint name), {@code Skill} and {@code DialStatus}. Public with an (Object) constructor because asterisk-java
 * instantiates it reflectively; mutable like every asterisk-java event; not thread-safe.
 */
public class AcdRonaEvent extends AcdCallEvent {

    private static final long serialVersionUID = 1L;

    private String agent;
    private String dialStatus;

    public AcdRonaEvent(Object source) {
        super(source);
    }

    public String getAgent() {
        return agent;
    }

    public void setAgent(String agent) {
        this.agent = agent;
    }

    public String getDialStatus() {
        return dialStatus;
    }

    public void setDialStatus(String dialStatus) {
        this.dialStatus = dialStatus;
    }
}
