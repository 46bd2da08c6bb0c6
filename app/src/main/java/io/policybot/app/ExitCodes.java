package io.policybot.app;

/**
 * The exit codes of every {@code policybot} command, for scripts (documented in the README and in {@code --help}).
 * The same outcome gets the same code whatever the command.
 */
final class ExitCodes {
    /** Done as asked. */
    static final int OK = 0;
    /** It failed: invalid content, a file that cannot be read or written, no network, a bug. */
    static final int FAILED = 1;
    /** Bad usage: an unknown option, a missing or malformed argument. Nothing was done. */
    static final int USAGE = 2;
    /** Refused: the command was understood but declined (not allowed for the role, nothing to do, not published). */
    static final int REFUSED = 3;

    /** The lines {@code --help} shows under "Exit codes". */
    static final String[] HELP = {
            "0:Done as asked.",
            "1:Failed (invalid content, unreadable or unwritable file, no network, a bug).",
            "2:Bad usage (unknown option, missing or malformed argument); nothing was done.",
            "3:Refused (not allowed for your role, nothing to do, text not published)."};

    private ExitCodes() {
    }
}
