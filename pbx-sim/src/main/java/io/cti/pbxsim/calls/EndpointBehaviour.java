package io.cti.pbxsim.calls;

/**
 * How a simulated endpoint (an agent's phone {@code PJSIP/2001}, a trunk {@code PJSIP/trunk} that reaches
 * customers) treats a call the PBX places to it: ring, answer, refuse, or hang up later. Traffic models implement
 * it, usually scheduling their decisions on the simulator's clock. Called on the clock thread; implementations
 * must not block.
 */
@FunctionalInterface
public interface EndpointBehaviour {

    /** The PBX is calling the endpoint; {@code call} is the handle to answer, refuse or hang up with. */
    void incoming(EndpointCall call);

    /** An endpoint that answers every call at once. */
    static EndpointBehaviour answering() {
        return EndpointCall::answer;
    }
}
