package io.cti.bridge.actions;

import org.asteriskjava.manager.action.AbstractManagerAction;

/**
 * Asterisk's {@code BlindTransfer} action, which asterisk-java 3.41 lacks: transfers the party bridged to
 * {@code channel} to {@code exten@context}. Public, with public getters, because asterisk-java serialises actions
 * by reflection over their getters. Mutable like every asterisk-java action; not thread-safe.
 */
public class BlindTransferAction extends AbstractManagerAction {

    private static final long serialVersionUID = 1L;

    private final String channel;
    private final String context;
    private final String exten;

    public BlindTransferAction(String channel, String context, String exten) {
        this.channel = channel;
        this.context = context;
        this.exten = exten;
    }

    @Override
    public String getAction() {
        return "BlindTransfer";
    }

    public String getChannel() {
        return channel;
    }

    public String getContext() {
        return context;
    }

    public String getExten() {
        return exten;
    }
}
