package io.cti.bridge.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The recorded AMI transcripts of a real Asterisk 20.20.1 (test resources {@code asterisk/}), read into the frames
 * the server sent on one connection, each with its recorded time. Attributes are keyed the way asterisk-java's
 * reader keys them (lower case, repeated names collected into a list). Immutable.
 */
public final class Transcript {

    private static final Pattern HEADER = Pattern.compile("^#### \\[t=([0-9.]+)] (\\S+) (S->C|C->S)$");

    /** One server message: its time in seconds since the recording started, and its attributes. */
    public record Frame(double time, Map<String, Object> attributes) {

        public boolean isEvent() {
            return attributes.containsKey("event");
        }

        public Object get(String name) {
            return attributes.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private Transcript() {
    }

    /** The server frames of {@code connection} (e.g. "main") in resource {@code asterisk/<file>}. */
    public static List<Frame> serverFrames(String file, String connection) {
        List<Frame> frames = new ArrayList<>();
        List<String> lines = lines("asterisk/" + file);
        Double time = null;
        List<String> block = new ArrayList<>();
        for (String line : lines) {
            Matcher header = HEADER.matcher(line);
            if (header.matches() || line.startsWith("################")) {
                addFrame(frames, time, block);
                block.clear();
                time = header.matches() && header.group(2).equals(connection) && header.group(3).equals("S->C")
                        ? Double.parseDouble(header.group(1)) : null;
            } else if (time != null) {
                block.add(line);
            }
        }
        addFrame(frames, time, block);
        return frames;
    }

    public static byte[] bytes(String resource) {
        try (InputStream in = Transcript.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void addFrame(List<Frame> frames, Double time, List<String> block) {
        if (time == null || block.isEmpty() || !block.get(0).contains(": ")) {
            return;
        }
        Map<String, Object> attributes = new LinkedHashMap<>();
        for (String line : block) {
            // The same split as asterisk-java's ManagerReaderImpl: name up to the first ':', both sides trimmed.
            int colon = line.indexOf(':');
            if (colon > 0 && line.length() > colon + 1) {
                add(attributes, line.substring(0, colon).toLowerCase(Locale.ENGLISH).trim(),
                        line.substring(colon + 1).trim());
            }
        }
        if (!attributes.isEmpty()) {
            frames.add(new Frame(time, attributes));
        }
    }

    @SuppressWarnings("unchecked")
    private static void add(Map<String, Object> attributes, String name, String value) {
        Object present = attributes.get(name);
        if (present == null) {
            attributes.put(name, value);
        } else if (present instanceof List<?> list) {
            ((List<String>) list).add(value);
        } else {
            List<String> list = new ArrayList<>();
            list.add((String) present);
            list.add(value);
            attributes.put(name, list);
        }
    }

    private static List<String> lines(String resource) {
        return new String(bytes(resource), StandardCharsets.UTF_8).lines().toList();
    }
}
