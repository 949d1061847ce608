package dev.mlpkit.apps;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;

/** Sets logback up for the command line: messages only at INFO, more with --verbose, warnings only with -q. */
final class Logging {

    private Logging() {
    }

    static void configure(boolean verbose, boolean quiet) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(quiet ? Level.WARN : verbose ? Level.DEBUG : Level.INFO);
        if (verbose) {
            PatternLayoutEncoder encoder = new PatternLayoutEncoder();
            encoder.setContext(context);
            encoder.setPattern("%d{HH:mm:ss.SSS} %-5level %logger{30} - %msg%n");
            encoder.start();
            ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
            console.setContext(context);
            console.setName("VERBOSE");
            console.setEncoder(encoder);
            console.start();
            root.detachAndStopAllAppenders();
            root.addAppender(console);
        }
    }
}
