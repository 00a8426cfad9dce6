package io.cti.pbxsim.ami;

/**
 * Responses in Asterisk's layout: {@code Response}, the action's {@code ActionID} when it had one, then
 * {@code EventList: start} for lists, then {@code Message}. Stateless.
 */
final class Responses {

    private Responses() {
    }

    /** {@code Response: Success} and the ActionID, for responses that add their own fields. */
    static AmiMessage.Builder success(AmiMessage action) {
        return new AmiMessage.Builder().add("Response", "Success").addIfPresent("ActionID", action.get("ActionID"));
    }

    static AmiMessage success(AmiMessage action, String message) {
        return success(action).add("Message", message).build();
    }

    static AmiMessage error(AmiMessage action, String message) {
        return new AmiMessage.Builder()
                .add("Response", "Error")
                .addIfPresent("ActionID", action.get("ActionID"))
                .add("Message", message)
                .build();
    }

    /** An error for a message the server could not read whole (no ActionID can be trusted). */
    static AmiMessage error(String message) {
        return new AmiMessage.Builder().add("Response", "Error").add("Message", message).build();
    }

    static AmiMessage listStart(AmiMessage action, String message) {
        return success(action).add("EventList", "start").add("Message", message).build();
    }

    /** The event that closes a list: {@code Event}, ActionID, {@code EventList: Complete}, {@code ListItems}. */
    static AmiMessage.Builder listComplete(AmiMessage action, String event, int items) {
        return new AmiMessage.Builder()
                .add("Event", event)
                .addIfPresent("ActionID", action.get("ActionID"))
                .add("EventList", "Complete")
                .add("ListItems", items);
    }
}
