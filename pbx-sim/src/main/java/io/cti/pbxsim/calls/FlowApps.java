package io.cti.pbxsim.calls;

import io.cti.pbxsim.calls.ManagerEvent.Field;

import java.util.ArrayList;
import java.util.List;

/**
 * Applications that steer the dialplan or raise events at once: NoOp, Verbose, Log, Set, Goto, GotoIf, Hangup,
 * UserEvent. Stateless.
 */
final class FlowApps {

    private FlowApps() {
    }

    static void register(Applications apps) {
        apps.register("NoOp", (run, data) -> AppOutcome.NEXT);
        apps.register("Verbose", (run, data) -> AppOutcome.NEXT);
        apps.register("Log", (run, data) -> AppOutcome.NEXT);
        apps.register("Set", FlowApps::set);
        apps.register("Goto", FlowApps::goTo);
        apps.register("GotoIf", FlowApps::gotoIf);
        apps.register("Hangup", FlowApps::hangup);
        apps.register("UserEvent", FlowApps::userEvent);
    }

    private static AppOutcome set(AppRun run, String data) {
        int equals = data.indexOf('=');
        if (equals <= 0) {
            return AppOutcome.NEXT;
        }
        String name = data.substring(0, equals).trim();
        String value = data.substring(equals + 1);
        String upper = name.toUpperCase();
        if (upper.startsWith("CALLERID(") && name.endsWith(")")) {
            setCallerId(run, upper.substring("CALLERID(".length(), upper.length() - 1), value);
        } else if (upper.startsWith("GLOBAL(") && name.endsWith(")")) {
            run.core.globals.put(name.substring("GLOBAL(".length(), name.length() - 1), value);
        } else {
            run.core.setVariable(run.channel, name, value);
        }
        return AppOutcome.NEXT;
    }

    private static void setCallerId(AppRun run, String field, String value) {
        Party caller = run.channel.caller;
        Party updated = switch (field.trim()) {
            case "NUM", "NUMBER" -> new Party(value, caller.name());
            case "NAME" -> new Party(caller.number(), value);
            case "ALL" -> Party.parse(value);
            default -> caller;
        };
        if (!updated.equals(caller)) {
            run.core.setCaller(run.channel, updated);
        }
    }

    private static AppOutcome goTo(AppRun run, String data) {
        return jumpTo(run, data) ? AppOutcome.JUMP : AppOutcome.NEXT;
    }

    private static AppOutcome gotoIf(AppRun run, String data) {
        int question = data.indexOf('?');
        if (question < 0) {
            return AppOutcome.NEXT;
        }
        String[] branches = data.substring(question + 1).split(":", -1);
        String target = Substitution.isTrue(data.substring(0, question)) ? branches[0]
                : (branches.length > 1 ? branches[1] : "");
        if (target.isBlank()) {
            return AppOutcome.NEXT;
        }
        return jumpTo(run, target) ? AppOutcome.JUMP : AppOutcome.NEXT;
    }

    /** {@code [[context,]exten,]priority-or-label}, resolved against the current position. */
    private static boolean jumpTo(AppRun run, String target) {
        String[] parts = target.split(",");
        PbxExecution execution = run.execution();
        String context = parts.length == 3 ? parts[0].trim() : execution.context();
        String exten = parts.length >= 2 ? parts[parts.length - 2].trim() : execution.exten();
        String priorityText = parts[parts.length - 1].trim();
        int priority;
        try {
            priority = Integer.parseInt(priorityText);
        } catch (NumberFormatException e) {
            priority = run.core.dialplan.findLabel(context, exten, priorityText);
        }
        if (priority < 1) {
            return false;
        }
        run.goTo(context, exten, priority);
        return true;
    }

    private static AppOutcome hangup(AppRun run, String data) {
        int cause = run.channel.hangupCause != null ? run.channel.hangupCause : HangupCause.NORMAL_CLEARING;
        if (!data.isBlank()) {
            try {
                cause = Integer.parseInt(data.trim());
            } catch (NumberFormatException e) {
                // Asterisk also accepts cause names; the simulator keeps the default for those.
                cause = HangupCause.NORMAL_CLEARING;
            }
        }
        run.core.events.softHangupRequest(run.channel);
        run.hangup(cause);
        return AppOutcome.END;
    }

    private static AppOutcome userEvent(AppRun run, String data) {
        String[] parts = data.split(",");
        List<Field> body = new ArrayList<>();
        body.add(new Field("UserEvent", parts[0].trim()));
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i];
            int colon = part.indexOf(':');
            if (colon < 0) {
                body.add(new Field(part.trim(), ""));
            } else {
                body.add(new Field(part.substring(0, colon).trim(), part.substring(colon + 1).stripLeading()));
            }
        }
        run.core.events.userEvent(run.channel, body);
        return AppOutcome.NEXT;
    }
}
