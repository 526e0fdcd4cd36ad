package io.referrals.platform.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

    private static List<List<String>> readAll(String text) {
        Csv.Reader reader = new Csv.Reader(text);
        List<List<String>> records = new ArrayList<>();
        for (List<String> record = reader.next(); record != null; record = reader.next()) {
            records.add(record);
        }
        return records;
    }

    @Test
    void readsPlainRecordsWithCrlfLfOrCrAndAnOptionalFinalLineBreak() {
        assertEquals(List.of(List.of("a", "b"), List.of("c", "d")), readAll("a,b\r\nc,d\r\n"));
        assertEquals(List.of(List.of("a", "b"), List.of("c", "d")), readAll("a,b\nc,d"));
        assertEquals(List.of(List.of("a", "b"), List.of("c", "d")), readAll("a,b\rc,d\r"));
        assertEquals(List.of(), readAll(""));
    }

    @Test
    void keepsEmptyFieldsIncludingALeadingAndATrailingOne() {
        assertEquals(List.of(List.of("", "x", "", "")), readAll(",x,,\r\n"));
        assertEquals(List.of(List.of("")), readAll("\r\n"));
    }

    @Test
    void quotedFieldsHoldCommasEscapedQuotesAndLineBreaks() {
        String text = "name,notes\r\n\"Lee, Dana\",\"She said \"\"hi\"\"\r\nthen left, happy\"\r\n\"\",\"\"\"\"\r\n";
        List<List<String>> records = readAll(text);
        assertEquals(3, records.size());
        assertEquals(List.of("Lee, Dana", "She said \"hi\"\r\nthen left, happy"), records.get(1));
        assertEquals(List.of("", "\""), records.get(2));
    }

    @Test
    void aQuoteInsideAnUnquotedFieldIsLiteral() {
        assertEquals(List.of(List.of("5\" frame", "x")), readAll("5\" frame,x"));
    }

    @Test
    void tellsOnWhichLineEachRecordStarts() {
        Csv.Reader reader = new Csv.Reader("h\r\n\"two\nlines\"\r\nlast\r\n");
        reader.next();
        assertEquals(1, reader.recordLine());
        reader.next();
        assertEquals(2, reader.recordLine());
        assertEquals(List.of("last"), reader.next());
        assertEquals(4, reader.recordLine());
        assertNull(reader.next());
    }

    @Test
    void rejectsAnUnclosedQuoteAndTextAfterAClosingQuote() {
        Csv.MalformedCsvException unclosed =
                assertThrows(Csv.MalformedCsvException.class, () -> readAll("a,b\r\nc,\"open\r\nstill open"));
        assertEquals(2, unclosed.line());
        Csv.MalformedCsvException stray =
                assertThrows(Csv.MalformedCsvException.class, () -> readAll("a,b\r\n\"x\"y,z"));
        assertEquals(2, stray.line());
    }

    @Test
    void writesRfc4180QuotingOnlyWhereNeeded() {
        assertEquals(
                "plain,,\"a,b\",\"say \"\"hi\"\"\",\"two\r\nlines\",\"lf\nonly\"\r\n",
                Csv.record(Arrays.asList("plain", null, "a,b", "say \"hi\"", "two\r\nlines", "lf\nonly")));
    }

    @Test
    void whatIsWrittenReadsBackUnchanged() {
        List<String> fields = List.of("Lee, Dana", "\"quoted\"", "multi\r\nline, with comma", "", "; ; x", " spaced ");
        assertEquals(List.of(fields), readAll(Csv.record(fields)));
    }
}
