package io.policybot.app;

import io.policybot.PolicyBotException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * Turns a failure into one plain sentence on stderr and the exit code scripts branch on: never a stack trace, never a
 * raw Java exception name. A network failure is named as one (not as a bad token); anything unexpected is a bug, said
 * so, with its details written to a file for the bug report.
 */
final class FriendlyErrors implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        if (e instanceof BadUsage) {
            err.println("policybot " + qualifiedName(cli) + ": " + e.getMessage());
            err.println("Try: policybot " + qualifiedName(cli) + " --help");
            return ExitCodes.USAGE;
        }
        if (e instanceof Refused) {
            err.println("policybot: " + e.getMessage());
            return ExitCodes.REFUSED;
        }
        String network = network(e);
        if (network != null) {
            err.println("policybot: " + network);
            return ExitCodes.FAILED;
        }
        IOException io = io(e);
        if (io != null) {
            boolean ownWords = e instanceof UncheckedIOException && e.getMessage() != null
                    && !e.getMessage().equals(io.toString());
            err.println("policybot: " + (ownWords ? e.getMessage() + " (" + reason(io) + ")" : describe(io)));
            return ExitCodes.FAILED;
        }
        if (e instanceof PolicyBotException) {
            err.println("policybot: " + e.getMessage());
            return ExitCodes.FAILED;
        }
        if (e instanceof IllegalArgumentException && e.getMessage() != null && !e.getMessage().isBlank()) {
            // Some configuration readers say what is wrong this way (roles.yaml); a bug may too: never exit code 2.
            err.println("policybot: " + e.getMessage());
            err.println("If that is not about a file or value you gave, it is a bug in PolicyBot; " + details(e));
            return ExitCodes.FAILED;
        }
        err.println("policybot: something went wrong that should not (" + e.getClass().getSimpleName()
                + "). This is a bug in PolicyBot, not in what you typed; " + details(e));
        return ExitCodes.FAILED;
    }

    private static String qualifiedName(CommandLine cli) {
        String name = cli.getCommandSpec().qualifiedName(" ");
        return name.startsWith("policybot ") ? name.substring("policybot ".length()) : name;
    }

    /** A network failure anywhere in the chain, as a sentence; null when there is none. */
    static String network(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
                return "cannot reach " + (t.getMessage() == null ? "the server" : host(t.getMessage()))
                        + ": the name could not be resolved (no network or DNS). The token was not checked; "
                        + "try again when the network is up.";
            }
            String message = t.getMessage() == null ? "" : t.getMessage();
            if (message.contains("Name or service not known") || message.contains("nodename nor servname")
                    || message.contains("Temporary failure in name resolution")) {
                // A client library that reworded a DNS failure (Bolt says "The token is invalid (error: ...)")
                return "cannot reach the server: a name could not be resolved (no network or DNS). The token was not "
                        + "checked; try again when the network is up.";
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException
                    || t instanceof SocketTimeoutException || t instanceof HttpConnectTimeoutException) {
                return "cannot connect to the server (" + (t.getMessage() == null ? "no answer" : t.getMessage())
                        + "): check the network or proxy. The token was not checked.";
            }
        }
        return null;
    }

    private static String host(String message) {
        int colon = message.indexOf(':');
        return colon > 0 ? message.substring(0, colon) : message;
    }

    private static IOException io(Throwable e) {
        if (e instanceof IOException io) {
            return io;
        }
        return e instanceof UncheckedIOException u ? u.getCause() : null;
    }

    /** "cannot read /x.csv: there is no such file" rather than "java.nio.file.NoSuchFileException: /x.csv". */
    static String describe(IOException e) {
        return e instanceof FileSystemException fs ? fs.getFile() + ": " + reason(e) : reason(e);
    }

    private static String reason(IOException e) {
        if (e instanceof FileSystemException fs) {
            return switch (fs) {
                case NoSuchFileException n -> "there is no such file or folder";
                case AccessDeniedException a -> "permission denied";
                case FileAlreadyExistsException a -> "it already exists";
                case DirectoryNotEmptyException d -> "the folder is not empty";
                case NotDirectoryException d -> "it is not a folder";
                default -> fs.getReason() == null ? "the file system refused it" : fs.getReason();
            };
        }
        return e.getMessage() == null ? "a file could not be read or written" : e.getMessage();
    }

    private static String details(Exception e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        try {
            Path file = Files.createTempFile("policybot-error-", ".txt");
            Files.writeString(file, trace.toString(), StandardCharsets.UTF_8);
            return "the details are in " + file + " (please attach it to a bug report).";
        } catch (IOException | RuntimeException ignored) {
            return "its details could not be saved.";
        }
    }
}
