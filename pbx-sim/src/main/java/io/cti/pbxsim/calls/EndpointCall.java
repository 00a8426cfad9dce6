package io.cti.pbxsim.calls;

/**
 * A call the PBX placed to a simulated endpoint, as the endpoint's behaviour sees it. Every method may be called
 * from any thread, now or later; calls that no longer apply (answering a call already hung up) are ignored.
 */
public interface EndpointCall {

    /** The PBX channel of the call, such as {@code PJSIP/2001-00000003}. */
    String channel();

    /** The dialed resource, such as {@code 2001} or {@code 5551234@trunk}. */
    String dialed();

    /** Who is calling, as the endpoint would display it. */
    Party caller();

    /**
     * A variable of the call's channel as the PBX set it up, inherited ones included (such as the platform
     * dialplan's {@code CTI_DIRECTION}); empty when not set. Read it from the behaviour's {@code incoming}.
     */
    String variable(String name);

    /** The endpoint rings (180 Ringing). */
    void ringing();

    /** The endpoint answers: a person picks up (what answering-machine detection hears). */
    default void answer() {
        answer(AnswerAudio.PERSON);
    }

    /** The endpoint answers, sounding like {@code audio} to answering-machine detection. */
    void answer(AnswerAudio audio);

    /** The endpoint is busy (486). */
    void busy();

    /** The network is congested (503). */
    void congestion();

    /** The endpoint hangs up, before or after answering, with a Q.850 cause (16 normal clearing). */
    void hangup(int cause);
}
