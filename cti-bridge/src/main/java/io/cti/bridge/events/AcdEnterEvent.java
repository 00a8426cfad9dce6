package io.cti.bridge.events;

/**
 * {@code UserEvent: AcdEnter}, raised by the platform's holding context ({@code cti-hold,enter}) when a caller
 * starts waiting for an agent (the event the bridge turns into CallArrived). asterisk-java drops any custom
 * UserEvent it has no class for, so this class is registered with every connection; it must be public with a
 * public (Object) constructor because asterisk-java instantiates it reflectively. Headers, the contract of
 * config/asterisk/README.md: the channel snapshot (Channel, Uniqueid, Linkedid, CallerIDNum, Exten...) followed by
 * {@code Skill} (the queue), {@code CallId} (the call's first Uniqueid, as in the reference recordings) and
 * {@code Dnis} (the dialed number; absent in the recordings, where Exten stands in) and {@code Ivr} (what the
 * caller chose in the IVR, choices joined by {@code |}; empty or absent when the dialed number chose the queue).
 * Mutable like every asterisk-java event; not thread-safe.
 */
public class AcdEnterEvent extends AcdCallEvent {

    private static final long serialVersionUID = 1L;

    private String dnis;
    private String ivr;

    public AcdEnterEvent(Object source) {
        super(source);
    }

    public String getDnis() {
        return dnis;
    }

    public void setDnis(String dnis) {
        this.dnis = dnis;
    }

    public String getIvr() {
        return ivr;
    }

    public void setIvr(String ivr) {
        this.ivr = ivr;
    }
}
