package io.cti.pbxsim;

/**
 * Root of every failure raised by the PBX simulator, the Asterisk stand-in that speaks AMI's wire format
 * on a TCP port; it knows nothing of the platform's domain, so its failures name AMI and traffic models only.
 * Instances are immutable and thread-safe.
 */
public class PbxSimException extends RuntimeException {

    private final String errorId;

    /**
     * Subclasses and factories name the failure with a stable {@code errorId} (such as
     * {@code malformed-ami-action}) so callers and logs can tell failures apart without parsing messages.
     */
    protected PbxSimException(String errorId, String message, Throwable cause) {
        super(message, cause);
        this.errorId = errorId;
    }

    /** A stable, machine-readable id of the failure. */
    public String errorId() {
        return errorId;
    }

    /** A channel named in a request does not exist (any more). */
    public static PbxSimException noSuchChannel(String channel) {
        return new PbxSimException("no-such-channel", "No such channel: " + channel, null);
    }

    /** A dial string such as {@code Local/100@ctx} that the simulator cannot dial. */
    public static PbxSimException invalidDialString(String dialString) {
        return new PbxSimException("invalid-dial-string", "Cannot dial '" + dialString
                + "': expected Local/<exten>@<context>[/n] or <Technology>/<resource>", null);
    }

    /** A dialplan line the simulator cannot read. */
    public static PbxSimException malformedDialplan(int line, String text) {
        return new PbxSimException("malformed-dialplan", "Dialplan line " + line + " not understood: " + text, null);
    }

    /** A dialplan file or resource that cannot be read. */
    public static PbxSimException unreadableDialplan(String source, Throwable cause) {
        return new PbxSimException("unreadable-dialplan", "Cannot read dialplan " + source, cause);
    }

    /** A command-line argument of the standalone simulator that is missing or wrong. */
    public static PbxSimException badArgument(String argument, String problem) {
        return new PbxSimException("bad-argument", "Argument " + argument + ": " + problem, null);
    }

    /** The AMI server could not bind its port. */
    public static PbxSimException cannotBind(String host, int port, Throwable cause) {
        return new PbxSimException("cannot-bind", "Cannot listen on " + host + ":" + port, cause);
    }
}
