package io.referrals.platform.csv;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * RFC 4180 comma-separated values for every export and import of the platform, read and written by Jackson's CSV
 * dataformat, with one rule against spreadsheet formulas ({@link #spreadsheetSafe}). Reading: a leading byte order mark
 * is skipped; quoted fields hold commas, line breaks and doubled quotes; records end with CRLF, LF or CR, the last
 * one optionally; a quote inside an unquoted field is taken literally. Writing: a field is quoted only when it holds
 * a comma, a quote or a line break, {@code null} is written empty, and every record ends with CRLF.
 */
public final class Csv {
    private static final String BYTE_ORDER_MARK = "\uFEFF";
    /** First characters a spreadsheet would read as a formula, and the apostrophe that escapes them. */
    private static final String NEUTRALISED = "=+-@\t\r'";

    private static final CsvMapper MAPPER = new CsvMapper();
    private static final ObjectReader RECORDS =
            MAPPER.readerForListOf(String.class).with(CsvParser.Feature.WRAP_AS_ARRAY);
    private static final ObjectWriter RECORD = MAPPER.writer(
                    CsvSchema.emptySchema().withLineSeparator("\r\n"))
            .with(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING);

    private Csv() {}

    /** Reads one record at a time, so that a caller can stop early (e.g. at a row limit). */
    public static final class Reader {
        private final JsonParser parser;
        private int recordLine;

        public Reader(String text) {
            try {
                parser = RECORDS.createParser(text.startsWith(BYTE_ORDER_MARK) ? text.substring(1) : text);
                // Every record is an array inside one array that wraps the whole text.
                parser.nextToken();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The next record's fields, or {@code null} at the end of the text. */
        public List<String> next() {
            recordLine = parser.currentLocation().getLineNr();
            try {
                if (parser.nextToken() != JsonToken.START_ARRAY) {
                    return null;
                }
                List<String> fields = new ArrayList<>();
                while (parser.nextToken() == JsonToken.VALUE_STRING) {
                    fields.add(parser.getText());
                }
                return fields;
            } catch (JsonProcessingException e) {
                throw new MalformedCsvException(recordLine, reason(e));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The line on which the record last returned by {@link #next()} starts (1 = the first line). */
        public int recordLine() {
            return recordLine;
        }

        private static String reason(JsonProcessingException e) {
            String message = e.getOriginalMessage();
            if (message.startsWith("Missing closing quote")) {
                return "a quoted field is not closed";
            }
            if (message.contains("Expected column separator")) {
                return "unexpected text after a closing quote; a quote inside a quoted field is written as two "
                        + "quotes";
            }
            return message;
        }
    }

    /** Appends one record, CRLF-terminated; {@code null} fields are written empty. */
    public static void writeRecord(Writer out, List<String> fields) throws IOException {
        out.write(record(fields));
    }

    public static String record(List<String> fields) {
        try {
            return RECORD.writeValueAsString(fields.stream()
                    .map(field -> Objects.requireNonNullElse(field, ""))
                    .toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A cell a spreadsheet cannot run (OWASP CSV injection): text starting with {@code = + - @}, a tab or a carriage
     * return gets a leading apostrophe, which spreadsheets show as text. Text starting with an apostrophe gets one
     * more, so that {@link #fromSpreadsheetSafe} restores every value exactly (a phone {@code +1 555 0100} included).
     */
    public static String spreadsheetSafe(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        return NEUTRALISED.indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }

    /** A typed value as a cell: a number is data, written as it is (a negative balance); anything else as text. */
    public static String spreadsheetSafe(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof Number ? value.toString() : spreadsheetSafe(value.toString());
    }

    /** The value {@link #spreadsheetSafe} was given: one leading apostrophe before a neutralised character is dropped. */
    public static String fromSpreadsheetSafe(String cell) {
        if (cell == null || cell.length() < 2 || cell.charAt(0) != '\'') {
            return cell;
        }
        return NEUTRALISED.indexOf(cell.charAt(1)) >= 0 ? cell.substring(1) : cell;
    }

    /** The text is not well-formed CSV; {@code line} is where the record with the problem starts. */
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
