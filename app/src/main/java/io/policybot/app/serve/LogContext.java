package io.policybot.app.serve;

/** The keys PolicyBot puts in the log context (SLF4J MDC): ids only, never what a person wrote or a token. */
public final class LogContext {
    /** The platform's id of the event being handled (Slack event_id or trigger_id, Discord interaction id). */
    public static final String EVENT = "event";
    /** slack, discord, console. */
    public static final String PLATFORM = "platform";

    private LogContext() {
    }
}
