package io.cti.platform.infrastructure;

import io.cti.core.CoreException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns an embedded server that could not start into Spring Boot's short "application failed to start" report, its
 * cause in one sentence and what to do, instead of a chain of bean-creation errors. Stateless.
 */
class EmbeddedServerFailureAnalyzer extends AbstractFailureAnalyzer<CoreException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, CoreException cause) {
        return switch (cause.errorId()) {
            case "data-folder-in-use" -> new FailureAnalysis(cause.getMessage(), "Stop the platform that runs on"
                    + " these data folders, or start this one with a data folder of its own (CTI_DATA_DIR or"
                    + " --cti.platform.data-dir=...), or point it at the first one's servers (README, \"More than"
                    + " one router process\").", cause);
            case "embedded-server-failed" -> new FailureAnalysis(cause.getMessage(), "See the cause above; the"
                    + " embedded servers' data folders are under CTI_DATA_DIR (./data by default).", cause);
            default -> null;
        };
    }
}
