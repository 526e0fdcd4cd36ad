package io.referrals.partner.mapping;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 comma-separated values. Reading: fields may be enclosed in double quotes, and then hold commas, line
 * breaks and doubled quotes ({@code ""} for {@code "}); records end with CRLF, LF or CR, the last one optionally;
 * a quote inside an unquoted field is taken literally. Writing: a field is quoted when it holds a comma, a quote
 * or a line break (quotes doubled), and every record ends with CRLF.
 */
public final class Csv {
    private Csv() {
    }

    /** Reads one record at a time, so that a caller can stop early (e.g. at a row limit). */
    public static final class Reader {
        private final String text;
        private int pos;
        private int line = 1;
        private int recordLine;

        public Reader(String text) {
            this.text = text;
        }

        /** The next record's fields, or {@code null} at the end of the text. */
        public List<String> next() {
            if (pos >= text.length()) {
                return null;
            }
            recordLine = line;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            while (true) {
                if (pos < text.length() && text.charAt(pos) == '"') {
                    readQuoted(field);
                } else {
                    readUnquoted(field);
                }
                fields.add(field.toString());
                field.setLength(0);
                if (pos >= text.length()) {
                    return fields;
                }
                char c = text.charAt(pos);
                if (c == ',') {
                    pos++;
                    continue;
                }
                if (c == '\r' || c == '\n') {
                    skipLineBreak();
                    return fields;
                }
                throw new MalformedCsvException(line, "unexpected character '" + c + "' after a closing quote; "
                        + "a quote inside a quoted field is written as two quotes");
            }
        }

        /** The line on which the record last returned by {@link #next()} starts (1 = the first line). */
        public int recordLine() {
            return recordLine;
        }

        private void readQuoted(StringBuilder field) {
            int startLine = line;
            pos++;
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (c == '"') {
                    if (pos + 1 < text.length() && text.charAt(pos + 1) == '"') {
                        field.append('"');
                        pos += 2;
                        continue;
                    }
                    pos++;
                    return;
                }
                if (c == '\n' || (c == '\r' && (pos + 1 >= text.length() || text.charAt(pos + 1) != '\n'))) {
                    line++;
                }
                field.append(c);
                pos++;
            }
            throw new MalformedCsvException(startLine, "a quoted field is not closed");
        }

        private void readUnquoted(StringBuilder field) {
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (c == ',' || c == '\r' || c == '\n') {
                    return;
                }
                field.append(c);
                pos++;
            }
        }

        private void skipLineBreak() {
            if (text.charAt(pos) == '\r' && pos + 1 < text.length() && text.charAt(pos + 1) == '\n') {
                pos++;
            }
            pos++;
            line++;
        }
    }

    /** Appends one record, CRLF-terminated; {@code null} fields are written empty. */
    public static void writeRecord(Appendable out, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(quote(fields.get(i)));
        }
        out.append("\r\n");
    }

    public static String record(List<String> fields) {
        StringBuilder out = new StringBuilder();
        try {
            writeRecord(out, fields);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    static String quote(String value) {
        if (value == null) {
            return "";
        }
        boolean needsQuotes = value.chars().anyMatch(c -> c == ',' || c == '"' || c == '\r' || c == '\n');
        return needsQuotes ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    /** The text is not well-formed CSV; {@code line} is where the problem was found. */
    public static class MalformedCsvException extends IllegalArgumentException {
        private final int line;
        private final String reason;

        public MalformedCsvException(int line, String reason) {
            super("line " + line + ": " + reason);
            this.line = line;
            this.reason = reason;
        }

        public int line() {
            return line;
        }

        public String reason() {
            return reason;
        }
    }
}
