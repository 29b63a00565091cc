package org.askonce.knowledge.transfer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.askonce.knowledge.ItemFields;
import org.askonce.knowledge.KnowledgeSnapshot;
import org.askonce.knowledge.ServiceItem;

/**
 * Service items as a spreadsheet (CSV or Excel .xlsx), one row per item, the layout departments can
 * fill in: the columns of {@link #COLUMNS}, a header row first. A cell with several values has one
 * per line; a material line is {@code 名称|形式|份数|是否必需|说明|适用情形|样表链接}, a hall line
 * {@code 名称|区县|地址|办公时间|电话}. FAQs are not in the spreadsheet: an imported item keeps the FAQs
 * it has. Reading checks every row and reports every problem with its row number.
 *
 * <p>This class owns the columns and turns rows into items and back; {@link RowCells} reads and
 * checks one row's cells, {@link SpreadsheetFiles} turns a .csv or .xlsx file into rows and back.
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
        return read(SpreadsheetFiles.read(file), current);
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
            RowCells cells = new RowCells(row, index, rowNumber, problems);
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
        SpreadsheetFiles.write(rows, file);
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
}
