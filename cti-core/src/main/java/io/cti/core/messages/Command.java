package io.cti.core.messages;

/** A request for one module to act; handled by exactly one consumer of the owning role's group. */
public sealed interface Command extends DomainMessage permits RefreshCustomerFigures,
        OriginateToCustomer, ConnectToAgent, HangUp, BlindTransfer, Spy, SetVariable,
        ChangeAgentState, CompleteWrapUp, HoldCall, ResumeCall, TransferCall, DialCustomer, CallBackCustomer,
        HoldCaller, ResumeCaller {
}
