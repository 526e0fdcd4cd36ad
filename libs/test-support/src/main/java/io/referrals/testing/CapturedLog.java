package io.referrals.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Every log line of the test JVM while it is open (the service under test included): the formatted message, its
 * parameters and the whole stack trace of what was thrown, so that a test can assert what a log may not contain.
 */
public final class CapturedLog implements AutoCloseable {
    private final List<String> lines = new ArrayList<>();
    private final List<String> loggers = new ArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            String line = line(record);
            synchronized (lines) {
                lines.add(line);
                loggers.add(String.valueOf(record.getLoggerName()));
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    private CapturedLog() {}

    /** Starts capturing; close to stop. */
    public static CapturedLog start() {
        CapturedLog log = new CapturedLog();
        Logger.getLogger("").addHandler(log.handler);
        return log;
    }

    /** The lines captured so far. */
    public List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /**
     * The lines captured so far except those of loggers under {@code loggerPrefixes}: a test's own servers (GreenMail
     * logs every address it receives mail for), never the service's.
     */
    public List<String> linesExceptFrom(String... loggerPrefixes) {
        List<String> kept = new ArrayList<>();
        synchronized (lines) {
            for (int i = 0; i < lines.size(); i++) {
                String logger = loggers.get(i);
                if (java.util.Arrays.stream(loggerPrefixes).noneMatch(logger::startsWith)) {
                    kept.add(lines.get(i));
                }
            }
        }
        return kept;
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(handler);
    }

    private static String line(LogRecord record) {
        StringBuilder line = new StringBuilder(
                record instanceof org.jboss.logmanager.ExtLogRecord ext
                        ? String.valueOf(ext.getFormattedMessage())
                        : String.valueOf(record.getMessage()));
        if (record.getParameters() != null) {
            for (Object parameter : record.getParameters()) {
                line.append(' ').append(parameter);
            }
        }
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            line.append(' ').append(trace);
        }
        return line.toString();
    }
}
