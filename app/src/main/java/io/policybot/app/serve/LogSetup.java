package io.policybot.app.serve;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import java.util.Locale;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Applies {@code logging.format} ({@code POLICYBOT_LOG_FORMAT}: text or json) and {@code logging.level}
 * ({@code POLICYBOT_LOG_LEVEL}) to the log that {@link LogConfiguration} set up on stderr. JSON is one object a line with the
 * time, level, logger, thread, message and the log context ({@link LogContext}: the event id and platform, so one
 * event can be followed through), never the arguments separately. What goes in a message is the code's own words:
 * PolicyBot never logs what a person wrote, a display name or a token.
 */
public final class LogSetup {
    private LogSetup() {
    }

    public static void apply(Map<String, String> env) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return; // another SLF4J binding (a test's); leave it alone
        }
        String format = env.getOrDefault("POLICYBOT_LOG_FORMAT", "text").strip().toLowerCase(Locale.ROOT);
        String level = env.get("POLICYBOT_LOG_LEVEL");
        if (level != null && !level.isBlank()) {
            context.getLogger("io.policybot").setLevel(Level.toLevel(level.strip(), Level.WARN));
        } else if (format.equals("json")) {
            context.getLogger("io.policybot").setLevel(Level.INFO); // a service's log: its status lines are INFO
        }
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Appender<ILoggingEvent> appender = root.getAppender("STDERR");
        if (!(appender instanceof ConsoleAppender<ILoggingEvent> console)) {
            return;
        }
        boolean json = format.equals("json");
        if (json == (console.getEncoder() instanceof JsonEncoder)) {
            return;
        }
        Encoder<ILoggingEvent> encoder;
        if (json) {
            JsonEncoder e = new JsonEncoder();
            e.setWithContext(false);
            e.setWithSequenceNumber(false);
            e.setWithNanoseconds(false);
            e.setWithMessage(false);
            e.setWithArguments(false);
            e.setWithFormattedMessage(true);
            e.setWithMDC(true);
            e.setWithThrowable(true);
            encoder = e;
        } else {
            PatternLayoutEncoder e = new PatternLayoutEncoder();
            e.setPattern(LogConfiguration.PATTERN);
            encoder = e;
        }
        encoder.setContext(context);
        encoder.start();
        console.stop();
        console.setEncoder(encoder);
        console.start();
    }
}
