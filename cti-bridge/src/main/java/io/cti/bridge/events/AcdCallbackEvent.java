package io.cti.bridge.events;

/**
 * {@code UserEvent: AcdCallback}, raised by the platform's IVR ({@code cti-ivr}, option 9) when a caller asks to be
 * called back instead of waiting, just before the dialplan hangs up (the event the bridge turns into
 * CallbackRequested). Registered with every connection like {@link AcdEnterEvent}, for the same reason; public with
 * a public (Object) constructor because asterisk-java instantiates it reflectively. Headers, the contract of
 * config/asterisk/README.md: the channel snapshot followed by {@code CallId}, {@code Skill} (the queue),
 * {@code Number} (the caller's number, filtered to digits and '+'), {@code Dnis} and {@code Ivr}. Mutable like every
 * asterisk-java event; not thread-safe.
 */
public class AcdCallbackEvent extends AcdCallEvent {

    private static final long serialVersionUID = 1L;

    private String number;
    private String dnis;
    private String ivr;

    public AcdCallbackEvent(Object source) {
        super(source);
    }

    public String getNumber() {
        return number;
    }

    public void setNumber(String number) {
        this.number = number;
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
