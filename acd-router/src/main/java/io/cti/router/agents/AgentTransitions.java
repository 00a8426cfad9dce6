package io.cti.router.agents;

import io.cti.router.agents.AgentState.LoggedOut;
import io.cti.router.agents.AgentState.NotReady;
import io.cti.router.agents.AgentState.OnCall;
import io.cti.router.agents.AgentState.Ready;
import io.cti.router.agents.AgentState.Reserved;
import io.cti.router.agents.AgentState.Ringing;
import io.cti.router.agents.AgentState.WrapUp;

import java.util.Map;
import java.util.Set;

/**
 * The one table of which agent state may follow which. Kept apart from {@link Agent} so that the whole table reads
 * at a glance and every path (console, router, RONA, supervisor) is checked against the same rules. Stateless and
 * thread-safe.
 */
public final class AgentTransitions {

    /*
     * Any state may go to LoggedOut (the agent closes the console or a supervisor logs them out), so LoggedOut is
     * not repeated in each row. Ringing -> Ready: the caller hung up before the agent answered. OnCall -> Ready: a
     * queue with no wrap-up time. OnCall -> NotReady: a call that never was (a callback whose customer was not
     * reached) ends straight in the break the agent asked for during it. Reserved -> Ready: the reservation expired or was released. Ringing -> NotReady:
     * RONA. NotReady -> NotReady: the agent changes the reason code. WrapUp -> WrapUp: wrap-up is extended.
     */
    private static final Map<Class<? extends AgentState>, Set<Class<? extends AgentState>>> NEXT = Map.of(
            LoggedOut.class, Set.of(Ready.class, NotReady.class),
            Ready.class, Set.of(Reserved.class, NotReady.class),
            Reserved.class, Set.of(Ringing.class, Ready.class, NotReady.class),
            Ringing.class, Set.of(OnCall.class, NotReady.class, Ready.class),
            OnCall.class, Set.of(WrapUp.class, Ready.class, NotReady.class),
            WrapUp.class, Set.of(Ready.class, NotReady.class, WrapUp.class),
            NotReady.class, Set.of(Ready.class, NotReady.class));

    private AgentTransitions() {
    }

    /**
     * Whether an agent in {@code from} may be reserved for a call of their own (click-to-dial) in {@code to}: from
     * Ready or Not ready straight to Reserved, so an agent on a break never passes through a routable Ready.
     * Never for a routed call, which only a Ready agent is reserved for.
     */
    public static boolean allowedForOwnCall(AgentState from, AgentState to) {
        return to instanceof Reserved && (from instanceof Ready || from instanceof NotReady);
    }

    /** Whether an agent in {@code from} may move to {@code to}. */
    public static boolean allowed(AgentState from, AgentState to) {
        if (to instanceof LoggedOut) {
            return !(from instanceof LoggedOut);
        }
        if (!NEXT.get(from.getClass()).contains(to.getClass())) {
            return false;
        }
        return sameCall(from, to) && !from.equals(to);
    }

    /** A reservation rings and is answered for the call it was made for, not another one. */
    private static boolean sameCall(AgentState from, AgentState to) {
        if (from instanceof Reserved r && to instanceof Ringing g) {
            return r.call().equals(g.call());
        }
        if (from instanceof Ringing g && to instanceof OnCall c) {
            return g.call().equals(c.call());
        }
        return true;
    }
}
