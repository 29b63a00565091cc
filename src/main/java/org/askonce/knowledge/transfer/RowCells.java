package org.askonce.knowledge.transfer;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.askonce.knowledge.ServiceItem;

/**
 * One row's cells by header, read into an item's values: each parser (id, name, counts, yes/no, dates,
 * materials, halls…) returns the value or null, and records what is wrong with a cell against the row
 * and the column as the file names it ("第3行 咨询电话：…"). {@link SpreadsheetFormat} builds the item.
 */
record RowCells(List<String> row, Map<String, Integer> index, int rowNumber, List<String> problems) {

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
        if (v.startsWith(SpreadsheetFormat.EXAMPLE_ID)) {
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
        if (v.startsWith(SpreadsheetFormat.EXAMPLE_NAME)) {
            problem("事项名称", "以“" + SpreadsheetFormat.EXAMPLE_NAME + "”开头，是模板里的示例行，不会导入。请删除这一行，或改成真实事项");
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

    /** Part {@code i} of a "|"-separated line, or null when it is missing or empty (a gap). */
    private static String part(String[] parts, int i) {
        return i < parts.length && !parts[i].isBlank() ? parts[i].strip() : null;
    }
}
