package io.cti.router.staff;

import java.util.regex.Pattern;

/**
 * The phone an agent sits at, as Asterisk names a device: technology and resource, {@code PJSIP/2001},
 * {@code SIP/alice@pbx.example:5060}, {@code Local/2001@agents}. It is written into AMI actions (Originate,
 * QueueAdd), so only a strict set of printable ASCII characters is allowed: nothing that could end an AMI line
 * (CR, LF), separate dialplan arguments (',', '|', ';', '&') or expand a variable ('$', '{'). Immutable.
 */
public record PhoneEndpoint(String technology, String resource) {

    static final Pattern TECHNOLOGY = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,15}");
    static final Pattern RESOURCE = Pattern.compile("[A-Za-z0-9+][A-Za-z0-9_.@+#*=:/-]{0,79}");

    public PhoneEndpoint {
        if (technology == null || !TECHNOLOGY.matcher(technology).matches()) {
            throw new IllegalArgumentException("an endpoint technology is a letter then up to 15 letters or digits (PJSIP, SIP, IAX2, Local)");
        }
        if (resource == null || !RESOURCE.matcher(resource).matches()) {
            throw new IllegalArgumentException("an endpoint resource is 1-80 of letters, digits and _ . @ + # * = : / - , starting with a letter, a digit or +");
        }
    }

    /** Reads {@code technology/resource} exactly as given: no trimming, so nothing hidden passes as whitespace. */
    public static PhoneEndpoint parse(String text) {
        int slash = text == null ? -1 : text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("an endpoint is technology/resource, such as PJSIP/2001");
        }
        return new PhoneEndpoint(text.substring(0, slash), text.substring(slash + 1));
    }

    @Override
    public String toString() {
        return technology + "/" + resource;
    }
}
