package org.askonce.knowledge;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
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

/**
 * Service items as a spreadsheet (CSV or Excel .xlsx), one row per item, the layout departments can
 * fill in: the columns of {@link #COLUMNS}, a header row first. A cell with several values has one
 * per line; a material line is {@code 名称|形式|份数|是否必需|说明|适用情形|样表链接}, a hall line
 * {@code 名称|区县|地址|办公时间|电话}. FAQs are not in the spreadsheet: an imported item keeps the FAQs
 * it has. Reading checks every row and reports every problem with its row number.
 */
final class SpreadsheetFormat {

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    /** A column: its header, how it is written from an item. */
    record Column(String header, String help, Function<ServiceItem, String> write) {
    }

    static final List<Column> COLUMNS = List.of(
            new Column("编号", "小写字母、数字和连字符，如 dog-registration", ServiceItem::id),
            new Column("事项名称", "", ServiceItem::name),
            new Column("别名", "每行一个", i -> lines(i.aliases())),
            new Column("关键词", "每行一个", i -> lines(i.keywords())),
            new Column("实施部门", "", ServiceItem::department),
            new Column("服务对象", "个人、法人或个人和法人", i -> nullToEmpty(i.audience())),
            new Column("事项类型", "如 行政许可、公共服务", i -> nullToEmpty(i.itemType())),
            new Column("受理条件", "", i -> nullToEmpty(i.conditions())),
            new Column("申请材料", "每行一项：名称|形式|份数|是否必需|说明|适用情形|样表链接（只有名称必填）", i -> lines(i.materials().stream()
                    .map(m -> String.join("|", m.name(), nullToEmpty(m.form()), m.copies() == null ? "" : String.valueOf(m.copies()),
                            yesNo(m.required()), nullToEmpty(m.notes()), nullToEmpty(m.condition()), nullToEmpty(m.sampleUrl()))).toList())),
            new Column("法定办结时限（工作日）", "", i -> i.timeLimit() == null ? "" : number(i.timeLimit().legalDays())),
            new Column("承诺办结时限（工作日）", "0 表示即办", i -> i.timeLimit() == null ? "" : number(i.timeLimit().promisedDays())),
            new Column("时限说明", "", i -> i.timeLimit() == null ? "" : nullToEmpty(i.timeLimit().note())),
            new Column("是否收费", "是或否", i -> i.fee() == null ? "" : yesNo(i.fee().charged())),
            new Column("收费标准", "", i -> i.fee() == null ? "" : nullToEmpty(i.fee().amount())),
            new Column("收费依据", "", i -> i.fee() == null ? "" : nullToEmpty(i.fee().basis())),
            new Column("到现场次数", "0 表示零次跑，1 表示最多跑一次", i -> number(i.visits())),
            new Column("办理地点", "每行一处：名称|区县|地址|办公时间|电话（只有名称必填）", i -> lines(i.halls().stream()
                    .map(h -> String.join("|", h.name(), nullToEmpty(h.district()), nullToEmpty(h.address()), nullToEmpty(h.hours()),
                            nullToEmpty(h.phone()))).toList())),
            new Column("网上办理地址", "http(s) 链接", i -> i.online() == null ? "" : nullToEmpty(i.online().url())),
            new Column("网办平台", "如 浙里办", i -> i.online() == null ? "" : nullToEmpty(i.online().platform())),
            new Column("支持快递", "是或否", i -> yesNo(i.express())),
            new Column("需要预约", "是或否", i -> yesNo(i.appointment())),
            new Column("办理流程", "每行一步", i -> lines(i.process())),
            new Column("设定依据", "每行一条", i -> lines(i.legalBasis())),
            new Column("咨询电话", "", i -> nullToEmpty(i.consultPhone())),
            new Column("投诉电话", "", i -> nullToEmpty(i.complaintPhone())),
            new Column("最近审核日期", "yyyy-mm-dd", i -> i.lastReviewed() == null ? "" : i.lastReviewed().toString()),
            new Column("信息来源", "", ServiceItem::source));

    private SpreadsheetFormat() {
    }

    /** The items read, or every problem found ("第3行 申请材料：…"). */
    record Result(List<ServiceItem> items, List<String> problems) {
    }

    static Result read(Path file, KnowledgeSnapshot current) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        List<List<String>> rows = name.endsWith(".xlsx") ? readXlsx(file) : readCsv(file);
        return read(rows, current);
    }

    static Result read(List<List<String>> rows, KnowledgeSnapshot current) {
        List<String> problems = new ArrayList<>();
        if (rows.isEmpty()) {
            return new Result(List.of(), List.of("文件是空的：第1行应为表头"));
        }
        Map<String, Integer> index = new HashMap<>();
        List<String> header = rows.get(0);
        for (int c = 0; c < header.size(); c++) {
            index.put(header.get(c).strip().replace("\uFEFF", ""), c);
        }
        List<String> missing = COLUMNS.stream().map(Column::header).filter(h -> !index.containsKey(h)).toList();
        if (!missing.isEmpty()) {
            return new Result(List.of(), List.of("第1行（表头）缺少列：" + String.join("、", missing) + "（请用下载的模板）"));
        }
        List<ServiceItem> items = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.stream().allMatch(v -> v == null || v.isBlank())) {
                continue;
            }
            int rowNumber = r + 1;
            Cells cells = new Cells(row, index, rowNumber, problems);
            int before = problems.size();
            try {
                String id = cells.text("编号");
                ServiceItem existing = current.item(id).orElse(null);
                // an empty cell is a gap, kept as a gap (null); the audit lists it
                ServiceItem.TimeLimit timeLimit = new ServiceItem.TimeLimit(cells.number("法定办结时限（工作日）"),
                        cells.number("承诺办结时限（工作日）"), cells.optional("时限说明"));
                ServiceItem.Fee fee = new ServiceItem.Fee(cells.yesNo("是否收费"), cells.optional("收费标准"), cells.optional("收费依据"));
                ServiceItem.Online online = new ServiceItem.Online(cells.optional("网上办理地址"), cells.optional("网办平台"));
                ServiceItem item = new ServiceItem(id, cells.text("事项名称"), cells.lines("别名"), cells.lines("关键词"),
                        cells.text("实施部门"), cells.optional("服务对象"), cells.optional("事项类型"), cells.optional("受理条件"),
                        cells.materials(), timeLimit.equals(new ServiceItem.TimeLimit(null, null, null)) ? null : timeLimit,
                        fee.equals(new ServiceItem.Fee(null, null, null)) ? null : fee, cells.number("到现场次数"),
                        cells.halls(), online.equals(new ServiceItem.Online(null, null)) ? null : online, cells.yesNo("支持快递"),
                        cells.yesNo("需要预约"), cells.lines("办理流程"), cells.lines("设定依据"), cells.optional("咨询电话"),
                        cells.optional("投诉电话"), cells.date("最近审核日期"), cells.text("信息来源"),
                        existing == null ? List.of() : existing.faqs());
                if (problems.size() == before) {
                    VALIDATOR.validate(item).stream().sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                            .forEach(v -> problems.add("第" + rowNumber + "行 " + v.getPropertyPath().toString().replaceAll("\\.<[^>]+>", "")
                                    + "：" + v.getMessage()));
                }
                if (id != null && !ids.add(id)) {
                    problems.add("第" + rowNumber + "行 编号：" + id + " 在文件中出现了不止一次");
                }
                if (problems.size() == before) {
                    items.add(item);
                }
            } catch (RuntimeException e) {
                problems.add("第" + rowNumber + "行：" + e.getMessage());
            }
        }
        if (items.isEmpty() && problems.isEmpty()) {
            problems.add("文件里没有事项（第2行起每行一个事项）");
        }
        return new Result(items, problems);
    }

    /** Writes the items as CSV (UTF-8 with a BOM, so Excel shows Chinese) or, for a .xlsx path, as an Excel workbook. */
    static void write(List<ServiceItem> items, Path file) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(COLUMNS.stream().map(Column::header).toList());
        for (ServiceItem item : items) {
            rows.add(COLUMNS.stream().map(c -> c.write().apply(item)).toList());
        }
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
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

    private static String lines(List<String> values) {
        return String.join("\n", values);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String number(Integer n) {
        return n == null ? "" : String.valueOf(n);
    }

    private static String yesNo(Boolean b) {
        return b == null ? "" : b ? "是" : "否";
    }

    /** Part {@code i} of a "|"-separated line, or null when it is missing or empty (a gap). */
    private static String part(String[] parts, int i) {
        return i < parts.length && !parts[i].isBlank() ? parts[i].strip() : null;
    }

    /** One row's cells by header, with problems recorded against the row and column. */
    private record Cells(List<String> row, Map<String, Integer> index, int rowNumber, List<String> problems) {

        String raw(String header) {
            int c = index.get(header);
            return c < row.size() && row.get(c) != null ? row.get(c).strip() : "";
        }

        String text(String header) {
            return raw(header);
        }

        String optional(String header) {
            String v = raw(header);
            return v.isEmpty() ? null : v;
        }

        List<String> lines(String header) {
            return raw(header).lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
        }

        Integer number(String header) {
            String v = raw(header);
            if (v.isEmpty()) {
                return null;
            }
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                problems.add("第" + rowNumber + "行 " + header + "：应为整数，现在是“" + v + "”");
                return null;
            }
        }

        Boolean yesNo(String header) {
            String v = raw(header);
            return switch (v) {
                case "" -> null;
                case "是", "Y", "y", "true", "TRUE" -> true;
                case "否", "N", "n", "false", "FALSE" -> false;
                default -> {
                    problems.add("第" + rowNumber + "行 " + header + "：应为“是”或“否”，现在是“" + v + "”");
                    yield null;
                }
            };
        }

        LocalDate date(String header) {
            String v = raw(header);
            try {
                return v.isEmpty() ? null : LocalDate.parse(v.replace('/', '-'));
            } catch (DateTimeParseException e) {
                problems.add("第" + rowNumber + "行 " + header + "：日期应写成 2026-11-30，现在是“" + v + "”");
                return null;
            }
        }

        List<ServiceItem.Material> materials() {
            List<ServiceItem.Material> out = new ArrayList<>();
            int n = 0;
            for (String line : lines("申请材料")) {
                n++;
                String[] p = line.split("\\|", -1);
                if (p.length > 7) {
                    problems.add("第" + rowNumber + "行 申请材料第" + n + "项：应为 名称|形式|份数|是否必需|说明|适用情形|样表链接，现在是“" + line + "”");
                    continue;
                }
                String copiesText = part(p, 2);
                Integer copies = null;
                if (copiesText != null) {
                    try {
                        copies = Integer.parseInt(copiesText);
                    } catch (NumberFormatException e) {
                        problems.add("第" + rowNumber + "行 申请材料第" + n + "项：份数应为整数，现在是“" + copiesText + "”");
                        continue;
                    }
                }
                String required = part(p, 3);
                if (required != null && !required.equals("是") && !required.equals("否")) {
                    problems.add("第" + rowNumber + "行 申请材料第" + n + "项：是否必需应为“是”或“否”，现在是“" + required + "”");
                    continue;
                }
                out.add(new ServiceItem.Material(p[0].strip(), part(p, 1), copies, required == null ? null : required.equals("是"),
                        part(p, 5), part(p, 4), part(p, 6)));
            }
            return out;
        }

        List<ServiceItem.Hall> halls() {
            List<ServiceItem.Hall> out = new ArrayList<>();
            int n = 0;
            for (String line : lines("办理地点")) {
                n++;
                String[] p = line.split("\\|", -1);
                if (p.length > 5) {
                    problems.add("第" + rowNumber + "行 办理地点第" + n + "处：应为 名称|区县|地址|办公时间|电话，现在是“" + line + "”");
                    continue;
                }
                out.add(new ServiceItem.Hall(p[0].strip(), part(p, 1), part(p, 2), part(p, 3), part(p, 4)));
            }
            return out;
        }
    }
}
