package com.mediahub.it;

import java.util.concurrent.TimeUnit;

/** Stopping the servers the tests start. */
final class ChildProcesses {

    private ChildProcesses() {
    }

    /** SIGTERM, as an operator or an orchestrator stops it; forcibly only if it does not stop within a minute. */
    static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
