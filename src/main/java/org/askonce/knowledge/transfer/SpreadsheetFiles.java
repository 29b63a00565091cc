package org.askonce.knowledge.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.askonce.knowledge.KnowledgeBaseException;

/**
 * A spreadsheet file as rows of cell texts, both ways: an Excel workbook for a .xlsx path (its first
 * sheet), CSV otherwise (UTF-8, written with a BOM so Excel shows Chinese). Knows nothing of the
 * columns; {@link SpreadsheetFormat} does.
 */
final class SpreadsheetFiles {

    private SpreadsheetFiles() {
    }

    /** The rows of a .xlsx or .csv file; a file that cannot be read is a {@link KnowledgeBaseException} in Chinese. */
    static List<List<String>> read(Path file) {
        return xlsx(file) ? readXlsx(file) : readCsv(file);
    }

    /** Writes the rows as CSV or, for a .xlsx path, as an Excel workbook, creating the folder if needed. */
    static void write(List<List<String>> rows, Path file) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            if (xlsx(file)) {
                try (OutputStream out = Files.newOutputStream(file)) {
                    writeXlsx(rows, out);
                }
            } else {
                try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    writeCsv(rows, out);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }

    private static boolean xlsx(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx");
    }

    static void writeCsv(List<List<String>> rows, Writer out) throws IOException {
        out.write('\uFEFF');
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.EXCEL)) {
            for (List<String> row : rows) {
                printer.printRecord(row);
            }
        }
    }

    static void writeXlsx(List<List<String>> rows, OutputStream out) throws IOException {
        try (Workbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet("事项");
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            book.write(out);
        }
    }

    private static List<List<String>> readCsv(Path file) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<List<String>> rows = new ArrayList<>();
            for (CSVRecord record : CSVFormat.EXCEL.builder().setIgnoreSurroundingSpaces(false).get().parse(in)) {
                rows.add(new ArrayList<>(Arrays.asList(record.values())));
            }
            return rows;
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new KnowledgeBaseException("读不了这个 CSV 文件：" + e.getMessage());
        }
    }

    private static List<List<String>> readXlsx(Path file) {
        try (InputStream in = Files.newInputStream(file); Workbook book = WorkbookFactory.create(in)) {
            Sheet sheet = book.getSheetAt(0);
            DataFormatter format = new DataFormatter();
            List<List<String>> rows = new ArrayList<>();
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> values = new ArrayList<>();
                if (row != null) {
                    for (int c = 0; c < row.getLastCellNum(); c++) {
                        Cell cell = row.getCell(c);
                        values.add(cell == null ? "" : format.formatCellValue(cell));
                    }
                }
                rows.add(values);
            }
            return rows;
        } catch (IOException | RuntimeException e) {
            throw new KnowledgeBaseException("读不了这个 Excel 文件（需要 .xlsx）：" + e.getMessage());
        }
    }
}
