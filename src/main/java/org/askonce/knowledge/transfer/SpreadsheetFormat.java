package org.askonce.knowledge.transfer;

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
import java.util.Optional;
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
import org.askonce.knowledge.ItemFields;
import org.askonce.knowledge.KnowledgeBaseException;
import org.askonce.knowledge.KnowledgeSnapshot;
import org.askonce.knowledge.ServiceItem;

/**
 * Service items as a spreadsheet (CSV or Excel .xlsx), one row per item, the layout departments can
 * fill in: the columns of {@link #COLUMNS}, a header row first. A cell with several values has one
 * per line; a material line is {@code 名称|形式|份数|是否必需|说明|适用情形|样表链接}, a hall line
 * {@code 名称|区县|地址|办公时间|电话}. FAQs are not in the spreadsheet: an imported item keeps the FAQs
 * it has. Reading checks every row and reports every problem with its row number.
 */
final class SpreadsheetFormat {


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

    /** The template's example row: its id starts with this, its name with {@link #EXAMPLE_NAME}; importing it is refused. */
    static final String EXAMPLE_ID = "示例";
    static final String EXAMPLE_NAME = "（示例）";

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
                // every cell is checked, so one pass reports every bad cell of the row
                String id = cells.id();
                ServiceItem existing = id == null ? null : current.item(id).orElse(null);
                // an empty cell is a gap, kept as a gap (null); the audit lists it
                ServiceItem.TimeLimit timeLimit = new ServiceItem.TimeLimit(cells.count("法定办结时限（工作日）", 0, null),
                        cells.count("承诺办结时限（工作日）", 0, null), cells.optional("时限说明"));
                ServiceItem.Fee fee = new ServiceItem.Fee(cells.yesNo("是否收费"), cells.optional("收费标准"), cells.optional("收费依据"));
                ServiceItem.Online online = new ServiceItem.Online(cells.url("网上办理地址"), cells.optional("网办平台"));
                ServiceItem item = new ServiceItem(id, cells.name(), cells.lines("别名"), cells.lines("关键词"),
                        cells.required("实施部门"), cells.audience(), cells.optional("事项类型"), cells.optional("受理条件"),
                        cells.materials(), timeLimit.equals(new ServiceItem.TimeLimit(null, null, null)) ? null : timeLimit,
                        fee.equals(new ServiceItem.Fee(null, null, null)) ? null : fee, cells.count("到现场次数", 0, 9),
                        cells.halls(), online.equals(new ServiceItem.Online(null, null)) ? null : online, cells.yesNo("支持快递"),
                        cells.yesNo("需要预约"), cells.lines("办理流程"), cells.lines("设定依据"), cells.phone("咨询电话"),
                        cells.phone("投诉电话"), cells.date("最近审核日期"), cells.required("信息来源"),
                        existing == null ? List.of() : existing.faqs());
                // the rules above cover the item's constraints; anything they missed is still told in Chinese, by column
                ItemFields.violations(item)
                        .forEach(v -> cells.problem(ItemFields.header(v.getPropertyPath().toString()), "不符合要求（" + ItemFields.chinese(v) + "）"));
                if (id != null && !ids.add(id)) {
                    cells.problem("编号", id + " 在文件中出现了不止一次");
                }
                if (problems.size() == before) {
                    items.add(item);
                } else {
                    // the row's problems in the order of the file's columns, as the clerk reads the row
                    problems.subList(before, problems.size()).sort(Comparator.comparingInt(cells::column));
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

    /** The item as the template's example row: the same content under an id and a name that say it is an example. */
    static ServiceItem example(ServiceItem item) {
        return new ServiceItem(EXAMPLE_ID + "-" + item.id(), EXAMPLE_NAME + item.name(), item.aliases(), item.keywords(), item.department(),
                item.audience(), item.itemType(), item.conditions(), item.materials(), item.timeLimit(), item.fee(), item.visits(),
                item.halls(), item.online(), item.express(), item.appointment(), item.process(), item.legalBasis(), item.consultPhone(),
                item.complaintPhone(), item.lastReviewed(), item.source(), List.of());
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

    /** One row's cells by header, with problems recorded against the row and the column as the file names it. */
    private record Cells(List<String> row, Map<String, Integer> index, int rowNumber, List<String> problems) {

        /** Records a problem of a cell ("第3行 咨询电话：…"), once per cell. */
        void problem(String header, String what) {
            String prefix = "第" + rowNumber + "行 " + header + "：";
            if (problems.stream().noneMatch(p -> p.startsWith(prefix))) {
                problems.add(prefix + what);
            }
        }

        /** The column of a problem of this row, by its header (after 第N行); unknown ones last. */
        int column(String problem) {
            String prefix = "第" + rowNumber + "行 ";
            int colon = problem.indexOf('：');
            if (!problem.startsWith(prefix) || colon < 0) {
                return Integer.MAX_VALUE;
            }
            return index.getOrDefault(problem.substring(prefix.length(), colon), Integer.MAX_VALUE);
        }

        String raw(String header) {
            int c = index.get(header);
            return c < row.size() && row.get(c) != null ? row.get(c).strip() : "";
        }

        String optional(String header) {
            String v = raw(header);
            return v.isEmpty() ? null : v;
        }

        /** A cell that must be filled in. */
        String required(String header) {
            String v = raw(header);
            if (v.isEmpty()) {
                problem(header, "不能为空");
            }
            return v;
        }

        /** The id: required, a slug; the template's example row is refused. */
        String id() {
            String v = raw("编号");
            if (v.startsWith(EXAMPLE_ID)) {
                problem("编号", "“" + v + "”是模板里的示例行，不会导入。请删除这一行，或把编号和内容改成真实事项的");
            } else if (v.isEmpty()) {
                problem("编号", "不能为空");
            } else if (!v.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
                problem("编号", "只能用小写字母、数字和连字符（如 dog-registration），现在是“" + v + "”");
            }
            return v.isEmpty() ? null : v;
        }

        /** The name: required, at most 200 characters; the example row's marked name is refused. */
        String name() {
            String v = required("事项名称");
            if (v.startsWith(EXAMPLE_NAME)) {
                problem("事项名称", "以“" + EXAMPLE_NAME + "”开头，是模板里的示例行，不会导入。请删除这一行，或改成真实事项");
            } else if (v.length() > 200) {
                problem("事项名称", "太长（" + v.length() + " 个字），最多 200 个字");
            }
            return v;
        }

        String audience() {
            String v = optional("服务对象");
            if (v != null && !v.matches("个人|法人|个人和法人")) {
                problem("服务对象", "应为“个人”“法人”或“个人和法人”，现在是“" + v + "”");
            }
            return v;
        }

        String phone(String header) {
            String v = optional(header);
            if (v != null) {
                CellRules.phone(v).ifPresent(p -> problem(header, p));
            }
            return v;
        }

        String url(String header) {
            String v = optional(header);
            if (v != null) {
                CellRules.url(v).ifPresent(p -> problem(header, p));
            }
            return v;
        }

        List<String> lines(String header) {
            return raw(header).lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
        }

        /** A count: empty is a gap; otherwise a whole number from {@code min} (to {@code max}, when not null). */
        Integer count(String header, int min, Integer max) {
            String v = raw(header);
            if (v.isEmpty()) {
                return null;
            }
            Optional<String> wrong = CellRules.count(v, min, max);
            if (wrong.isPresent()) {
                problem(header, wrong.get());
                return null;
            }
            return Integer.parseInt(v);
        }

        Boolean yesNo(String header) {
            String v = raw(header);
            return switch (v) {
                case "" -> null;
                case "是", "Y", "y", "true", "TRUE" -> true;
                case "否", "N", "n", "false", "FALSE" -> false;
                default -> {
                    problem(header, "应为“是”或“否”，现在是“" + v + "”");
                    yield null;
                }
            };
        }

        LocalDate date(String header) {
            String v = raw(header);
            try {
                return v.isEmpty() ? null : LocalDate.parse(v.replace('/', '-'));
            } catch (DateTimeParseException e) {
                problem(header, "日期应写成 2026-11-30，现在是“" + v + "”");
                return null;
            }
        }

        List<ServiceItem.Material> materials() {
            List<ServiceItem.Material> out = new ArrayList<>();
            List<String> wrong = new ArrayList<>();
            int n = 0;
            for (String line : lines("申请材料")) {
                n++;
                String[] p = line.split("\\|", -1);
                String at = "第" + n + "项";
                if (p.length > 7) {
                    wrong.add(at + "应为 名称|形式|份数|是否必需|说明|适用情形|样表链接，现在是“" + line + "”");
                    continue;
                }
                int before = wrong.size();
                if (p[0].isBlank()) {
                    wrong.add(at + "缺少材料名称");
                }
                String form = part(p, 1);
                if (form != null && !form.matches("原件|复印件|原件和复印件|电子证照")) {
                    wrong.add(at + "的形式应为 原件、复印件、原件和复印件 或 电子证照，现在是“" + form + "”");
                }
                String copiesText = part(p, 2);
                Integer copies = null;
                if (copiesText != null) {
                    Optional<String> bad = CellRules.count(copiesText, 1, null);
                    if (bad.isPresent()) {
                        wrong.add(at + "的份数" + bad.get());
                    } else {
                        copies = Integer.parseInt(copiesText);
                    }
                }
                String required = part(p, 3);
                if (required != null && !required.equals("是") && !required.equals("否")) {
                    wrong.add(at + "的是否必需应为“是”或“否”，现在是“" + required + "”");
                }
                String sample = part(p, 6);
                if (sample != null) {
                    CellRules.url(sample).ifPresent(u -> wrong.add(at + "的样表链接" + u));
                }
                if (wrong.size() == before) {
                    out.add(new ServiceItem.Material(p[0].strip(), form, copies, required == null ? null : required.equals("是"),
                            part(p, 5), part(p, 4), sample));
                }
            }
            if (!wrong.isEmpty()) {
                problem("申请材料", String.join("；", wrong));
            }
            return out;
        }

        List<ServiceItem.Hall> halls() {
            List<ServiceItem.Hall> out = new ArrayList<>();
            List<String> wrong = new ArrayList<>();
            int n = 0;
            for (String line : lines("办理地点")) {
                n++;
                String[] p = line.split("\\|", -1);
                String at = "第" + n + "处";
                if (p.length > 5) {
                    wrong.add(at + "应为 名称|区县|地址|办公时间|电话，现在是“" + line + "”");
                    continue;
                }
                int before = wrong.size();
                if (p[0].isBlank()) {
                    wrong.add(at + "缺少大厅名称");
                }
                String phone = part(p, 4);
                if (phone != null) {
                    CellRules.phone(phone).ifPresent(bad -> wrong.add(at + "的电话" + bad));
                }
                if (wrong.size() == before) {
                    out.add(new ServiceItem.Hall(p[0].strip(), part(p, 1), part(p, 2), part(p, 3), phone));
                }
            }
            if (!wrong.isEmpty()) {
                problem("办理地点", String.join("；", wrong));
            }
            return out;
        }
    }
}
