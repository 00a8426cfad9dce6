package io.cti.pbxsim.calls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.cti.pbxsim.PbxSimException;

/**
 * The simulated PBX's dialplan: contexts of extensions, each a list of numbered priorities running one
 * application, as read from an {@code extensions.conf}. Immutable and thread-safe.
 *
 * <p>Supported: {@code [context]}, {@code exten => pattern,priority[(label)],App(args)}, {@code same => n,...},
 * {@code include => context}, {@code [globals]}, comments. Patterns: {@code _X}, {@code Z}, {@code N},
 * {@code [a-b]}, {@code .} and {@code !}; an exact extension wins over a pattern, patterns are tried in file
 * order (Asterisk sorts them by specificity; the difference matters only for overlapping patterns).
 */
public final class Dialplan {

    /** One priority of an extension: the application it runs and its unexpanded arguments. */
    public record Step(int priority, String label, String application, String arguments) {
    }

    record Extension(String pattern, Map<Integer, Step> steps) {
    }

    record Context(String name, List<Extension> extensions, List<String> includes) {
    }

    private final Map<String, Context> contexts;
    private final Map<String, String> globals;

    Dialplan(Map<String, Context> contexts, Map<String, String> globals) {
        this.contexts = Collections.unmodifiableMap(new LinkedHashMap<>(contexts));
        this.globals = Map.copyOf(globals);
    }

    /** Reads an {@code extensions.conf} text. */
    public static Dialplan parse(String extensionsConf) {
        return new DialplanParser().parse(extensionsConf);
    }

    /** Reads an {@code extensions.conf} file. */
    public static Dialplan load(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw PbxSimException.unreadableDialplan(file.toString(), e);
        }
    }

    /**
     * The dialplan the reference recordings were made with (holding context {@code acd-inbound}, agent routing
     * {@code acd-route}, fake agents and fake customers); the standalone simulator's default.
     */
    public static Dialplan recordedReference() {
        return bundled("reference-extensions.conf");
    }

    /**
     * The platform's own dialplan, {@code config/asterisk/extensions_cti.conf} as built into this jar: DNIS and IVR
     * queue tagging, holding, agent connect with RONA, outbound with AMD, spying. The embedded and standalone
     * simulators' default.
     */
    public static Dialplan platform() {
        return bundled("extensions_cti.conf");
    }

    private static Dialplan bundled(String resource) {
        try (InputStream in = Dialplan.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw PbxSimException.unreadableDialplan(resource, null);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw PbxSimException.unreadableDialplan(resource, e);
        }
    }

    /** The names of the contexts, in file order. */
    public Set<String> contexts() {
        return contexts.keySet();
    }

    /** The {@code [globals]} section. */
    public Map<String, String> globals() {
        return globals;
    }

    /** True when {@code exten} matches an extension with a priority 1 in {@code context} or its includes. */
    public boolean exists(String context, String exten) {
        return find(context, exten, 1).isPresent();
    }

    /** The step at {@code priority} of the extension {@code exten} matches in {@code context}. */
    public Optional<Step> find(String context, String exten, int priority) {
        return findExtension(context, exten, 0).map(extension -> extension.steps().get(priority));
    }

    /** The priority carrying {@code label}, or -1. */
    public int findLabel(String context, String exten, String label) {
        return findExtension(context, exten, 0)
                .flatMap(extension -> extension.steps().values().stream()
                        .filter(step -> label.equals(step.label()))
                        .map(Step::priority)
                        .findFirst())
                .orElse(-1);
    }

    private Optional<Extension> findExtension(String contextName, String exten, int depth) {
        Context context = contextName == null ? null : contexts.get(contextName);
        if (context == null || exten == null || depth > 8) {
            return Optional.empty();
        }
        for (Extension extension : context.extensions()) {
            if (extension.pattern().equals(exten)) {
                return Optional.of(extension);
            }
        }
        for (Extension extension : context.extensions()) {
            if (extension.pattern().startsWith("_") && ExtensionPattern.matches(extension.pattern(), exten)) {
                return Optional.of(extension);
            }
        }
        for (String include : context.includes()) {
            Optional<Extension> found = findExtension(include, exten, depth + 1);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }
}
