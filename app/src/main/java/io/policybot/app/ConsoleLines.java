package io.policybot.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * Where the console chat reads its lines and prints what arrives meanwhile. In a terminal: JLine, with line editing
 * (arrows, Home/End, Ctrl-A/E) and history (Up/Down, kept in the data directory). From a pipe or a file (scripted
 * tests, {@code policybot chat < script}): plain lines, no prompt, no escape codes.
 */
interface ConsoleLines extends AutoCloseable {

    /** The next line, or null at the end of input (Ctrl-D, end of the pipe). */
    String readLine() throws IOException;

    /** Prints text that arrived while the person may be typing (a DM, a content reload), above the prompt. */
    void printAbove(String text);

    PrintStream out();

    @Override
    void close();

    /** JLine when stdin and stdout are a terminal, else plain lines. */
    static ConsoleLines open(Path history) {
        if (System.console() != null && interactive()) {
            try {
                Terminal terminal = TerminalBuilder.builder().system(true).dumb(false).encoding(StandardCharsets.UTF_8)
                        .build();
                if (!Terminal.TYPE_DUMB.equals(terminal.getType()) && !Terminal.TYPE_DUMB_COLOR.equals(terminal.getType())) {
                    return new Interactive(terminal, history);
                }
                terminal.close();
            } catch (IOException | RuntimeException e) {
                // no usable terminal: plain lines still work
            }
        }
        return new Plain(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
                new PrintStream(System.out, true, StandardCharsets.UTF_8));
    }

    /** JDK 22+ has Console.isTerminal(); before, a console exists only for a terminal. */
    private static boolean interactive() {
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(System.console());
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    /** Lines from a pipe or file. */
    record Plain(BufferedReader in, PrintStream out) implements ConsoleLines {
        @Override
        public String readLine() throws IOException {
            return in.readLine();
        }

        @Override
        public synchronized void printAbove(String text) {
            out.println(text);
            out.println();
        }

        @Override
        public void close() {
            out.flush();
        }
    }

    /** A terminal with line editing and history. */
    final class Interactive implements ConsoleLines {
        private final Terminal terminal;
        private final LineReader reader;
        private final PrintStream out;

        Interactive(Terminal terminal, Path history) {
            this.terminal = terminal;
            this.reader = LineReaderBuilder.builder().terminal(terminal).appName("policybot")
                    .variable(LineReader.HISTORY_FILE, history).variable(LineReader.HISTORY_SIZE, 500)
                    .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true) // "!" is text, not a history command
                    .build();
            this.out = new PrintStream(terminal.output(), true, StandardCharsets.UTF_8);
        }

        @Override
        public String readLine() {
            while (true) {
                try {
                    return reader.readLine("> ");
                } catch (UserInterruptException e) {
                    // Ctrl-C clears the line, as in a shell; Ctrl-D or quit leaves
                } catch (EndOfFileException e) {
                    return null;
                }
            }
        }

        @Override
        public void printAbove(String text) {
            reader.printAbove(text + "\n");
        }

        @Override
        public PrintStream out() {
            return out;
        }

        @Override
        public void close() {
            try {
                reader.getHistory().save();
                terminal.close();
            } catch (IOException e) {
                // the history is a convenience
            }
        }
    }
}
