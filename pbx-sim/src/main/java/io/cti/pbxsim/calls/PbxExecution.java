package io.cti.pbxsim.calls;

import java.util.Optional;

/**
 * Runs dialplan on a channel priority by priority, raising Newexten for each step, or runs one application
 * outside the dialplan (an originated channel's {@code Application}/{@code Data}). Confined to the clock thread.
 */
final class PbxExecution implements Execution {

    private final CallCore core;
    private final Channel channel;
    private final boolean dialplan;
    private final String application;
    private final String applicationData;
    private String context;
    private String exten;
    private int priority;
    private AppRun current;
    private boolean applicationDone;

    private PbxExecution(CallCore core, Channel channel, boolean dialplan, String application, String data) {
        this.core = core;
        this.channel = channel;
        this.dialplan = dialplan;
        this.application = application;
        this.applicationData = data;
    }

    static PbxExecution dialplan(CallCore core, Channel channel, String context, String exten, int priority) {
        PbxExecution execution = new PbxExecution(core, channel, true, null, null);
        execution.jump(context, exten, priority);
        return execution;
    }

    static PbxExecution application(CallCore core, Channel channel, String application, String data) {
        return new PbxExecution(core, channel, false, application, data);
    }

    @Override
    public boolean isDialplan() {
        return dialplan;
    }

    @Override
    public void interrupt() {
        AppRun run = current;
        current = null;
        if (run != null) {
            run.interrupted();
        }
    }

    /** Asterisk's async goto: stop what runs now and continue at the new position. */
    void redirect(String newContext, String newExten, int newPriority) {
        interrupt();
        jump(newContext, newExten, newPriority);
        advance();
    }

    /**
     * Something outside the dialplan takes the channel over where it is (the AMI Bridge action): the running
     * application stops, and the returned run stands for the takeover; its {@link AppRun#resume()} continues the
     * dialplan at the next priority, as Asterisk's after-bridge "go on" does.
     */
    AppRun takeOver() {
        interrupt();
        current = new AppRun(core, channel, this);
        return current;
    }

    void jump(String newContext, String newExten, int newPriority) {
        this.context = newContext;
        this.exten = newExten;
        this.priority = newPriority;
    }

    String context() {
        return context;
    }

    String exten() {
        return exten;
    }

    /** Runs steps until one of them keeps running (or the channel is gone). */
    void advance() {
        while (channel.alive() && channel.execution == this) {
            if (channel.softHangupPending) {
                channel.softHangupPending = false;
                core.events.softHangupRequest(channel);
                core.hangups.hangupNow(channel, causeOr(HangupCause.NOT_DEFINED));
                return;
            }
            if (!dialplan) {
                runApplicationOnce();
                return;
            }
            Optional<Dialplan.Step> step = core.dialplan.find(context, exten, priority);
            if (step.isEmpty()) {
                // Falling off the end of the dialplan hangs the channel up, as Asterisk's pbx loop does.
                core.hangups.hangupNow(channel, causeOr(HangupCause.NORMAL_CLEARING));
                return;
            }
            AppOutcome outcome = runStep(step.get());
            if (outcome == AppOutcome.NEXT) {
                priority++;
            } else if (outcome != AppOutcome.JUMP) {
                return;
            }
        }
    }

    void resumeAfter(AppRun run) {
        if (run != current || !channel.alive()) {
            return;
        }
        current = null;
        if (!dialplan) {
            applicationDone = true;
        } else {
            priority++;
        }
        advance();
    }

    private AppOutcome runStep(Dialplan.Step step) {
        // ${EXTEN}, ${CONTEXT} and ${PRIORITY} expand to the step about to run.
        channel.context = context;
        channel.exten = exten;
        channel.priority = priority;
        String data = Substitution.expand(core, channel, step.arguments());
        if (!core.applications.exists(step.application())) {
            // Asterisk: "No application '...' for extension"; the pbx loop ends and the channel hangs up.
            core.applications.logMissing(step.application(), context, exten, priority);
            core.hangups.hangupNow(channel, causeOr(HangupCause.NORMAL_CLEARING));
            return AppOutcome.END;
        }
        core.newExten(channel, context, exten, priority, step.application(), data);
        current = new AppRun(core, channel, this);
        return core.applications.run(step.application(), current, data);
    }

    private void runApplicationOnce() {
        if (applicationDone) {
            core.hangups.hangupNow(channel, causeOr(HangupCause.NOT_DEFINED));
            return;
        }
        channel.application = application;
        channel.applicationData = applicationData;
        current = new AppRun(core, channel, this);
        AppOutcome outcome = core.applications.run(application, current, applicationData);
        if (outcome == AppOutcome.NEXT || outcome == AppOutcome.JUMP) {
            current = null;
            applicationDone = true;
            core.hangups.hangupNow(channel, causeOr(HangupCause.NOT_DEFINED));
        }
    }

    private int causeOr(int fallback) {
        return channel.hangupCause != null ? channel.hangupCause : fallback;
    }
}
