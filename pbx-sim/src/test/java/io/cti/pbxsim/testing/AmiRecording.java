package io.cti.pbxsim.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the reference recordings of a real Asterisk 20.20.1: the exact bytes of the main connection
 * ({@code .raw}, CR LF kept) and the annotated transcript (for the separate auth and md5 connections).
 */
public final class AmiRecording {

    private static final Pattern BLOCK = Pattern.compile("^#### \\[t=[0-9.]+] (\\w+) (S->C|C->S)$");

    private AmiRecording() {
    }

    public static byte[] resource(String name) {
        try (InputStream in = AmiRecording.class.getResourceAsStream("/asterisk/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /asterisk/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The banner line (without CR LF) of a raw server recording. */
    public static String banner(byte[] raw) {
        String text = new String(raw, StandardCharsets.UTF_8);
        return text.substring(0, text.indexOf("\r\n"));
    }

    /** The messages of a raw recording, after the banner when {@code hasBanner}; every line must end in CR LF. */
    public static List<WireMessage> messages(byte[] raw, boolean hasBanner) {
        String text = new String(raw, StandardCharsets.UTF_8);
        int start = hasBanner ? text.indexOf("\r\n") + 2 : 0;
        List<WireMessage> messages = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        int position = start;
        while (position < text.length()) {
            int end = text.indexOf("\r\n", position);
            if (end < 0) {
                throw new IllegalArgumentException("bytes after the last CR LF at offset " + position);
            }
            String line = text.substring(position, end);
            if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("bare CR or LF inside a line at offset " + position);
            }
            if (line.isEmpty()) {
                messages.add(WireMessage.parse(lines));
                lines.clear();
            } else {
                lines.add(line);
            }
            position = end + 2;
        }
        if (!lines.isEmpty()) {
            throw new IllegalArgumentException("last message not ended by an empty line");
        }
        return messages;
    }

    /** The actions of a raw client recording, each as the exact bytes the client sent. */
    public static List<byte[]> actions(byte[] raw) {
        String text = new String(raw, StandardCharsets.UTF_8);
        List<byte[]> actions = new ArrayList<>();
        int position = 0;
        while (position < text.length()) {
            int end = text.indexOf("\r\n\r\n", position);
            actions.add(text.substring(position, end + 4).getBytes(StandardCharsets.UTF_8));
            position = end + 4;
        }
        return actions;
    }

    /**
     * The server's messages on one connection of the annotated transcript ({@code auth}, {@code md5}), without
     * the banner; a closed connection ends the list.
     */
    public static List<WireMessage> transcriptServerMessages(String connection) {
        return transcriptServerMessages("ami-transcript.txt", connection);
    }

    /** As {@link #transcriptServerMessages(String)}, from another annotated transcript. */
    public static List<WireMessage> transcriptServerMessages(String file, String connection) {
        String text = new String(resource(file), StandardCharsets.UTF_8);
        List<WireMessage> messages = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher block = BLOCK.matcher(lines[i]);
            if (!block.matches() || !block.group(1).equals(connection) || !block.group(2).equals("S->C")) {
                continue;
            }
            List<String> body = new ArrayList<>();
            for (int j = i + 1; j < lines.length && !lines[j].isEmpty() && !lines[j].startsWith("####"); j++) {
                body.add(lines[j]);
            }
            boolean banner = body.size() == 1 && body.get(0).startsWith("Asterisk Call Manager/");
            boolean closed = body.size() == 1 && body.get(0).startsWith("<<connection closed");
            if (!banner && !closed) {
                messages.add(WireMessage.parse(body));
            }
        }
        return messages;
    }
}
