package dev.weir.runtime.task;

/**
 * A newer instance of the same task started (its producer took over the task's transactional id), so this one
 * is a zombie: its open transaction was aborted and it must stop without committing anything else.
 */
public final class TaskFencedException extends RuntimeException {
    public TaskFencedException(String task, Throwable cause) {
        super("task " + task + " was fenced: another instance runs it now; this instance stops without committing",
                cause);
    }
}
