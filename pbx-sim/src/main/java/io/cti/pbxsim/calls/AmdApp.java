package io.cti.pbxsim.calls;

import java.time.Duration;

/**
 * The AMD application (app_amd): listens to the start of an answered call and sets {@code AMDSTATUS} (HUMAN,
 * MACHINE, NOTSURE, HANGUP) and then {@code AMDCAUSE} (such as {@code HUMAN-800-800},
 * {@code LONGGREETING-1500-1500}, {@code INITIALSILENCE-2500-2500}, {@code TOOLONG-5000}), each raising VarSet.
 * It runs app_amd's own decision loop over 20 ms frames of what the far end sounds like ({@link AnswerAudio}),
 * so the verdict, the cause text and the time the decision takes are Asterisk's for that audio.
 * {@code AMD([initialSilence[,greeting[,afterGreetingSilence[,totalAnalysisTime[,minimumWordLength
 * [,betweenWordsSilence[,maximumNumberOfWords[,silenceThreshold[,maximumWordLength]]]]]]]]])}, defaults as in
 * Asterisk's amd.conf sample. Stateless; runs on the clock thread.
 */
final class AmdApp {

    /** One decision: the status, its cause, and how much audio (ms) it took. */
    record Verdict(String status, String cause, int analysedMs) {
    }

    /** The parameters, in AMD()'s argument order. */
    record Parameters(int initialSilence, int greeting, int afterGreetingSilence, int totalAnalysisTime,
                      int minimumWordLength, int betweenWordsSilence, int maximumNumberOfWords,
                      int maximumWordLength) {

        static final Parameters DEFAULTS = new Parameters(2500, 1500, 800, 5000, 100, 50, 3, 5000);

        static Parameters parse(String data) {
            String[] args = data == null ? new String[0] : data.split(",", -1);
            int[] values = {DEFAULTS.initialSilence, DEFAULTS.greeting, DEFAULTS.afterGreetingSilence,
                DEFAULTS.totalAnalysisTime, DEFAULTS.minimumWordLength, DEFAULTS.betweenWordsSilence,
                DEFAULTS.maximumNumberOfWords, 0, DEFAULTS.maximumWordLength};
            for (int i = 0; i < Math.min(args.length, values.length); i++) {
                if (!args[i].isBlank()) {
                    values[i] = atoi(args[i]);
                }
            }
            // values[7] is the silence threshold: it decides what counts as silence in real audio, which the
            // simulated audio already knows.
            return new Parameters(values[0], values[1], values[2], values[3], values[4], values[5], values[6],
                    values[8]);
        }
    }

    private static final int FRAME_MS = 20;
    private static final int IN_WORD = 1;
    private static final int IN_SILENCE = 2;

    private AmdApp() {
    }

    static void register(Applications apps) {
        apps.register("AMD", AmdApp::run);
    }

    private static AppOutcome run(AppRun run, String data) {
        Verdict verdict = decide(run.channel.audio == null ? AnswerAudio.SILENCE : run.channel.audio,
                Parameters.parse(data));
        run.onInterrupt(() -> {
            // app_amd's ast_read fails once the channel is hung up (or sent elsewhere): HANGUP, and no cause.
            if (run.channel.alive()) {
                report(run, "HANGUP", "");
            }
        });
        run.after(Duration.ofMillis(verdict.analysedMs()), () -> {
            report(run, verdict.status(), verdict.cause());
            run.resume();
        });
        return AppOutcome.WAIT;
    }

    private static void report(AppRun run, String status, String cause) {
        run.core.setVariable(run.channel, "AMDSTATUS", status);
        run.core.setVariable(run.channel, "AMDCAUSE", cause);
    }

    /** app_amd's isAnsweringMachine loop, frame by frame over the simulated audio. */
    static Verdict decide(AnswerAudio audio, Parameters p) {
        boolean inInitialSilence = true;
        boolean inGreeting = false;
        int voiceDuration = 0;
        int silenceDuration = 0;
        int totalTime = 0;
        int words = 0;
        int state = IN_WORD;
        int consecutiveVoice = 0;
        int dspSilence = 0;
        while (true) {
            boolean voice = audio.voiceAt(Duration.ofMillis(totalTime));
            totalTime += FRAME_MS;
            if (totalTime >= p.totalAnalysisTime()) {
                return new Verdict("NOTSURE", "TOOLONG-" + totalTime, totalTime);
            }
            dspSilence = voice ? 0 : dspSilence + FRAME_MS;
            if (dspSilence > 0) {
                silenceDuration = dspSilence;
                if (silenceDuration >= p.betweenWordsSilence()) {
                    state = IN_SILENCE;
                    consecutiveVoice = 0;
                }
                if (inInitialSilence && silenceDuration >= p.initialSilence()) {
                    return new Verdict("MACHINE", "INITIALSILENCE-" + silenceDuration + "-" + p.initialSilence(),
                            totalTime);
                }
                if (silenceDuration >= p.afterGreetingSilence() && inGreeting) {
                    return new Verdict("HUMAN", "HUMAN-" + silenceDuration + "-" + p.afterGreetingSilence(),
                            totalTime);
                }
            } else {
                consecutiveVoice += FRAME_MS;
                voiceDuration += FRAME_MS;
                if (consecutiveVoice >= p.minimumWordLength() && state == IN_SILENCE) {
                    words++;
                    state = IN_WORD;
                }
                if (consecutiveVoice >= p.maximumWordLength()) {
                    return new Verdict("MACHINE", "MAXWORDLENGTH-" + consecutiveVoice, totalTime);
                }
                if (words >= p.maximumNumberOfWords()) {
                    return new Verdict("MACHINE", "MAXWORDS-" + words + "-" + p.maximumNumberOfWords(), totalTime);
                }
                if (inGreeting && voiceDuration >= p.greeting()) {
                    return new Verdict("MACHINE", "LONGGREETING-" + voiceDuration + "-" + p.greeting(), totalTime);
                }
                if (voiceDuration >= p.minimumWordLength()) {
                    silenceDuration = 0;
                }
                if (consecutiveVoice >= p.minimumWordLength() && !inGreeting) {
                    inInitialSilence = false;
                    inGreeting = true;
                }
            }
        }
    }

    /** C's atoi: the leading integer, 0 when there is none. */
    private static int atoi(String text) {
        String value = text.trim();
        int end = 0;
        if (end < value.length() && (value.charAt(end) == '-' || value.charAt(end) == '+')) {
            end++;
        }
        while (end < value.length() && Character.isDigit(value.charAt(end))) {
            end++;
        }
        try {
            return Integer.parseInt(value.substring(0, end));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
