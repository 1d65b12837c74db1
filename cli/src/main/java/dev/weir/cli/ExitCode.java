package dev.weir.cli;

/** How a {@code weir} command ended; the process exit status is {@link #code()}. */
public enum ExitCode {
    /** Done. */
    OK(0),
    /** The pipeline ran and failed (a function threw under the {@code fail} error policy, or a connector failed). */
    JOB_FAILED(1),
    /** The spec is invalid; every problem was printed. */
    INVALID_SPEC(2),
    /** A named file, jar or class does not exist. */
    NOT_FOUND(3),
    /** The named class is not a valid Weir function. */
    NOT_A_FUNCTION(4),
    /** A runtime instance refused or could not carry out a request (e.g. a savepoint). */
    REMOTE_FAILED(5),
    /** The command line itself is wrong (unknown option, missing argument). */
    USAGE(64),
    /** A bug in Weir: an unexpected exception. */
    INTERNAL(70);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
