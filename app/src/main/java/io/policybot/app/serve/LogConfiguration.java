package io.policybot.app.serve;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.jul.LevelChangePropagator;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.status.NopStatusListener;
import java.util.Locale;

/**
 * The log's start-up set-up, in code (logback finds it as a service): logs on stderr, so that the JSON output of
 * {@code policybot ask} keeps stdout to itself; {@code io.policybot} at {@code POLICYBOT_LOG_LEVEL} (default WARN),
 * everything else at WARN, the chattiest libraries quieter. {@link LogSetup} then applies the configuration file's
 * format and level. This was a logback.xml: parsing it took about 0.1 s of every start. A logback-test.xml or
 * {@code -Dlogback.configurationFile} still wins, as they did over logback.xml.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_NORMAL_PRIORITY)
public final class LogConfiguration extends ContextAwareBase implements Configurator {
    /** The text line of the log (also {@link LogSetup}'s when it switches back from JSON). */
    static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{24} - %msg%n";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null
                || LogConfiguration.class.getClassLoader().getResource("logback-test.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY; // logback's own configurator reads that file
        }
        context.getStatusManager().add(new NopStatusListener()); // logback's own status lines never reach the user
        // Levels set here reach java.util.logging too (the loggers SLF4JBridgeHandler forwards).
        LevelChangePropagator jul = new LevelChangePropagator();
        jul.setContext(context);
        jul.setResetJUL(true);
        context.addListener(jul);
        jul.start();

        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();

        context.getLogger("io.policybot").setLevel(level(setting("POLICYBOT_LOG_LEVEL", "WARN")));
        context.getLogger("ai.djl").setLevel(Level.ERROR);
        // Lucene notes at start-up that the incubating vector API is off: the bot does not need it.
        context.getLogger("org.apache.lucene").setLevel(Level.ERROR);
        context.getLogger("org.flywaydb").setLevel(Level.WARN);
        context.getLogger("com.slack.api").setLevel(Level.WARN);
        context.getLogger("net.dv8tion.jda").setLevel(Level.WARN);
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(stderr);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** A system property, else the environment variable, else the default: as logback.xml's ${NAME:-default}. */
    private static String setting(String name, String otherwise) {
        String value = System.getProperty(name);
        if (value == null) {
            value = System.getenv(name);
        }
        return value == null ? otherwise : value;
    }

    /** A level as logback.xml read it: INHERITED or NULL inherit, an unknown name is DEBUG. */
    private static Level level(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return upper.equals("INHERITED") || upper.equals("NULL") ? null : Level.toLevel(name, Level.DEBUG);
    }
}
