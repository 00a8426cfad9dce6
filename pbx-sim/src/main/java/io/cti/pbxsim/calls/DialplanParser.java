package io.cti.pbxsim.calls;

import io.cti.pbxsim.PbxSimException;
import io.cti.pbxsim.calls.Dialplan.Context;
import io.cti.pbxsim.calls.Dialplan.Extension;
import io.cti.pbxsim.calls.Dialplan.Step;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the subset of {@code extensions.conf} described on {@link Dialplan}. Not thread-safe; one per parse. */
final class DialplanParser {

    private final Map<String, List<Extension>> extensions = new LinkedHashMap<>();
    private final Map<String, List<String>> includes = new LinkedHashMap<>();
    private final Map<String, String> globals = new LinkedHashMap<>();
    private String section;
    private Extension lastExtension;
    private int lastPriority;
    private int lineNumber;

    Dialplan parse(String text) {
        for (String rawLine : text.split("\r?\n")) {
            lineNumber++;
            String line = stripComment(rawLine).trim();
            if (!line.isEmpty()) {
                parseLine(line);
            }
        }
        Map<String, Context> contexts = new LinkedHashMap<>();
        extensions.forEach((name, list) -> contexts.put(name, new Context(name,
                list.stream().map(e -> new Extension(e.pattern(), Map.copyOf(e.steps()))).toList(),
                includes.getOrDefault(name, List.of()))));
        includes.forEach((name, list) -> contexts.putIfAbsent(name, new Context(name, List.of(), list)));
        return new Dialplan(contexts, globals);
    }

    private void parseLine(String line) {
        if (line.startsWith("[")) {
            int close = line.indexOf(']');
            if (close < 0) {
                throw PbxSimException.malformedDialplan(lineNumber, line);
            }
            section = line.substring(1, close).trim();
            lastExtension = null;
            if (isContext()) {
                extensions.computeIfAbsent(section, key -> new ArrayList<>());
            }
            return;
        }
        if (section == null || "general".equals(section)) {
            return;
        }
        int arrow = line.indexOf("=>");
        int equals = line.indexOf('=');
        int split = arrow >= 0 && arrow <= equals ? arrow : equals;
        if (split < 0) {
            throw PbxSimException.malformedDialplan(lineNumber, line);
        }
        String key = line.substring(0, split).trim().toLowerCase();
        String value = line.substring(split + (split == arrow ? 2 : 1)).trim();
        if ("globals".equals(section)) {
            globals.put(line.substring(0, split).trim(), value);
        } else if ("exten".equals(key)) {
            int comma = value.indexOf(',');
            if (comma < 0) {
                throw PbxSimException.malformedDialplan(lineNumber, line);
            }
            addStep(value.substring(0, comma).trim(), value.substring(comma + 1), line);
        } else if ("same".equals(key)) {
            if (lastExtension == null) {
                throw PbxSimException.malformedDialplan(lineNumber, line);
            }
            addStep(lastExtension.pattern(), value, line);
        } else if ("include".equals(key)) {
            includes.computeIfAbsent(section, k -> new ArrayList<>()).add(value);
        }
    }

    private boolean isContext() {
        return !"general".equals(section) && !"globals".equals(section);
    }

    private void addStep(String pattern, String rest, String line) {
        int comma = rest.indexOf(',');
        if (comma < 0) {
            throw PbxSimException.malformedDialplan(lineNumber, line);
        }
        String priorityText = rest.substring(0, comma).trim();
        String app = rest.substring(comma + 1).trim();
        if ("hint".equalsIgnoreCase(priorityText)) {
            return;
        }
        String label = null;
        int paren = priorityText.indexOf('(');
        if (paren >= 0 && priorityText.endsWith(")")) {
            label = priorityText.substring(paren + 1, priorityText.length() - 1);
            priorityText = priorityText.substring(0, paren);
        }
        Extension extension = extensionFor(pattern);
        int priority;
        if ("n".equalsIgnoreCase(priorityText)) {
            priority = lastPriority + 1;
        } else {
            try {
                priority = Integer.parseInt(priorityText);
            } catch (NumberFormatException e) {
                throw PbxSimException.malformedDialplan(lineNumber, line);
            }
        }
        lastPriority = priority;
        lastExtension = extension;
        extension.steps().put(priority, step(priority, label, app));
    }

    private Extension extensionFor(String pattern) {
        if (!isContext()) {
            throw PbxSimException.malformedDialplan(lineNumber, "extension outside a context: " + pattern);
        }
        List<Extension> list = extensions.get(section);
        for (Extension extension : list) {
            if (extension.pattern().equals(pattern)) {
                return extension;
            }
        }
        Extension extension = new Extension(pattern, new LinkedHashMap<>());
        list.add(extension);
        return extension;
    }

    private static Step step(int priority, String label, String app) {
        int open = app.indexOf('(');
        if (open < 0) {
            return new Step(priority, label, app.trim(), "");
        }
        int close = app.lastIndexOf(')');
        String arguments = close > open ? app.substring(open + 1, close) : app.substring(open + 1);
        return new Step(priority, label, app.substring(0, open).trim(), arguments);
    }

    /** A ';' starts a comment unless escaped as '\;'. */
    private static String stripComment(String line) {
        StringBuilder out = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length() && line.charAt(i + 1) == ';') {
                out.append(';');
                i++;
            } else if (c == ';') {
                break;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
