package io.cti.pbxsim.traffic;

import io.cti.pbxsim.PbxSimException;

/**
 * A population file that does not follow the binding format (shared/formats/population.md): the message names the
 * file, the line and the field, and says what is wrong. Immutable and thread-safe.
 */
public final class PopulationException extends PbxSimException {

    private final int line;
    private final String field;

    PopulationException(String source, int line, String field, String problem) {
        super("invalid-population", source + " line " + line + (field == null ? "" : ", field '" + field + "'")
                + ": " + problem, null);
        this.line = line;
        this.field = field;
    }

    /** The 1-based line of the file. */
    public int line() {
        return line;
    }

    /** The field at fault (such as {@code answer[17]} or {@code talkSeconds.sd}), or null for the line as a whole. */
    public String field() {
        return field;
    }
}
