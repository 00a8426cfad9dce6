package io.cti.bridge.actions;

import io.cti.bridge.BridgeException;
import io.cti.bridge.events.CallDirectory;
import io.cti.bridge.events.DeskHolds;
import io.cti.core.ids.CallId;
import org.asteriskjava.manager.action.BridgeAction;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.action.RedirectAction;

/**
 * The AMI actions of a hold from the agent's desktop (config/asterisk, [cti-held]): one Redirect with ExtraChannel
 * sends the caller to music on hold and the agent's channel to wait in silence, together, so that leaving their
 * bridge hangs neither up; the Bridge action brings them back together. Both need the call's caller and its
 * connected agent. Stateless.
 */
final class DeskHoldActions {

    private DeskHoldActions() {
    }

    static ManagerAction hold(CallDirectory calls, CallId callId) {
        String caller = caller(calls, callId, "HoldCaller");
        String agent = agent(calls, callId, "HoldCaller");
        RedirectAction redirect = new RedirectAction();
        redirect.setChannel(caller);
        redirect.setContext(DeskHolds.CONTEXT);
        redirect.setExten(DeskHolds.CALLER_EXTEN);
        redirect.setPriority(1);
        redirect.setExtraChannel(agent);
        redirect.setExtraContext(DeskHolds.CONTEXT);
        redirect.setExtraExten(DeskHolds.AGENT_EXTEN);
        redirect.setExtraPriority(1);
        return redirect;
    }

    static ManagerAction resume(CallDirectory calls, CallId callId) {
        return new BridgeAction(caller(calls, callId, "ResumeCaller"), agent(calls, callId, "ResumeCaller"));
    }

    private static String caller(CallDirectory calls, CallId callId, String command) {
        return calls.customerChannel(callId).orElseThrow(() -> BridgeException.unknownCall(callId.value(), command));
    }

    private static String agent(CallDirectory calls, CallId callId, String command) {
        return calls.agentChannel(callId).orElseThrow(() -> BridgeException.invalidCommand(command, "callId",
                "call " + callId + " has no agent on the line to hold it for"));
    }
}
