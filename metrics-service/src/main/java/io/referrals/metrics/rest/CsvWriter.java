package io.referrals.metrics.rest;

import io.referrals.platform.csv.Csv;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes a {@link CsvTable} as RFC 4180 CSV for {@code Accept: text/csv}, every cell spreadsheet-safe by the platform's
 * one rule ({@link Csv#spreadsheetSafe(Object)}: an exported name cannot run as a formula; numbers are data).
 */
@Provider
@Produces(CsvWriter.TEXT_CSV)
public class CsvWriter implements MessageBodyWriter<CsvTable> {
    public static final String TEXT_CSV = "text/csv";

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return CsvTable.class.isAssignableFrom(type) && mediaType.isCompatible(MediaType.valueOf(TEXT_CSV));
    }

    @Override
    public void writeTo(
            CsvTable table,
            Class<?> type,
            Type genericType,
            Annotation[] annotations,
            MediaType mediaType,
            MultivaluedMap<String, Object> headers,
            OutputStream out)
            throws IOException {
        Writer csv = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        Csv.writeRecord(csv, safe(table.csvHeader()));
        for (List<Object> row : table.csvRows()) {
            Csv.writeRecord(csv, safe(row));
        }
        csv.flush();
    }

    private static List<String> safe(List<?> cells) {
        return cells.stream().map(Csv::spreadsheetSafe).toList();
    }
}
