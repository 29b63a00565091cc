package org.askonce.knowledge.transfer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.askonce.knowledge.KnowledgeBaseException;
import org.askonce.knowledge.KnowledgeSnapshot;
import org.askonce.knowledge.Lexicon;
import org.askonce.knowledge.Mappers;
import org.askonce.knowledge.ServiceItem;
import org.springframework.modulith.NamedInterface;

/**
 * Reads the Guangdong provincial service catalogue as published on the Guangdong government service
 * portal: a {@code .jsonl} file, one item a line (see {@code ../shared/data/README.md}). Its
 * fields map onto {@link ServiceItem}; what it does not give stays a gap (null or an empty list),
 * never a made-up value, so the audit lists it and citizens are told it is not given:
 *
 * <ul>
 *   <li>{@code TASK_CODE} → id {@code gd-<code>}; {@code TASK_NAME} (or {@code matter_name}) → name,
 *       with the department added where two items share a name, so a menu can tell them apart;</li>
 *   <li>{@code matter_short} (a short name, not a fee) and {@code subTaskName} (the part of a
 *       "parent(sub-item)" name that tells siblings apart) → aliases; {@code DEPT_NAME} → department;
 *       {@code service_object_name} → audience (自然人 → 个人, the others → 法人);
 *       {@code TASK_TYPE_TEXT} → item type; {@code accept_standard} → conditions;</li>
 *   <li>{@code material_intro} → materials, names only; {@code handle_time} → legal and
 *       {@code handle_time_limit} → promised limit in working days (a limit in 自然日 is kept in
 *       words in the note); {@code visit_number} → visits;</li>
 *   <li>{@code handle_location} → one hall named after the department ("无线下办理窗口": none);
 *       {@code URL} and {@code bear_paltform} → online; {@code courier_service} → express;
 *       {@code online_book} → appointment; {@code consult_phone}, {@code complain_phone} → phones.</li>
 * </ul>
 * The catalogue has no fee, process, legal basis, hours or review date: those are gaps. Its typing
 * slips (a phrase typed twice, brackets of two widths, "1）" list numbers) are put right on the way in
 * ({@link CatalogueText}).
 * Reading checks every line and reports every problem with its line number.
 */
@NamedInterface("transfer")
public final class GuangdongCatalogue {

    static final String ID_PREFIX = "gd-";

    private static final ObjectMapper JSON = Mappers.json();
    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();
    private static final Pattern DAYS = Pattern.compile("(\\d{1,4})\\s*[(（](工作日|自然日)[)）]");
    private static final Pattern LINK = Pattern.compile("https?://\\S+");
    private static final Pattern LOCATION_LABEL = Pattern.compile("^(办理地点|地点|地址)[:：]\\s*");

    private GuangdongCatalogue() {
    }

    /**
     * The catalogue as a knowledge base of its own (for the evaluation, which runs in memory).
     *
     * @throws KnowledgeBaseException with every bad line when the file has any
     */
    public static KnowledgeSnapshot snapshot(Path file) {
        SpreadsheetFormat.Result read = read(file, line -> { });
        if (!read.problems().isEmpty()) {
            throw new KnowledgeBaseException(file.getFileName() + " 有 " + read.problems().size() + " 处问题：\n  "
                    + String.join("\n  ", read.problems()));
        }
        return new KnowledgeSnapshot(read.items(), List.of(), Lexicon.EMPTY);
    }

    /** True for a file this reader takes: a {@code .jsonl} file. */
    static boolean accepts(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jsonl");
    }

    /**
     * Reads every line of the catalogue; {@code progress} is told each line read (for large files).
     * Problems name the line ("第12行 …"); items are only returned when there are none.
     */
    static SpreadsheetFormat.Result read(Path file, IntConsumer progress) {
        List<Row> rows = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                progress.accept(number);
                if (line.isBlank()) {
                    continue;
                }
                Row row = row(number, line.replace("\uFEFF", ""), problems);
                if (row != null) {
                    rows.add(row);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new KnowledgeBaseException("读不了这个目录文件（需要 UTF-8 编码、每行一个 JSON 的 .jsonl）：" + e.getMessage());
        }
        List<ServiceItem> items = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Map<String, String> names = distinctNames(rows);
        for (Row row : rows) {
            ServiceItem item = row.item(names.get(row.key()));
            int before = problems.size();
            VALIDATOR.validate(item).stream().sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .forEach(v -> problems.add("第" + row.line() + "行 " + v.getPropertyPath().toString().replaceAll("\\.<[^>]+>", "")
                            + "：" + v.getMessage()));
            if (!ids.add(item.id())) {
                problems.add("第" + row.line() + "行 TASK_CODE：" + row.code() + " 在文件中出现了不止一次");
            }
            if (problems.size() == before) {
                items.add(item);
            }
        }
        if (rows.isEmpty() && problems.isEmpty()) {
            problems.add("文件里没有事项（每行一个 JSON 对象）");
        }
        return new SpreadsheetFormat.Result(problems.isEmpty() ? items : List.of(), problems);
    }

    /** One line's fields, checked; null (with the problem recorded) when the line is unusable. */
    private static Row row(int number, String line, List<String> problems) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            problems.add("第" + number + "行：不是有效的 JSON（" + e.getOriginalMessage() + "）");
            return null;
        }
        if (node == null || !node.isObject()) {
            problems.add("第" + number + "行：应为一个 JSON 对象");
            return null;
        }
        String code = text(node, "TASK_CODE");
        String name = text(node, "TASK_NAME");
        if (name == null) {
            name = text(node, "matter_name");
        }
        String department = text(node, "DEPT_NAME");
        List<String> missing = new ArrayList<>();
        if (code == null) {
            missing.add("TASK_CODE（事项编码）");
        } else if (!code.matches("[A-Za-z0-9]+")) {
            problems.add("第" + number + "行 TASK_CODE：应只含字母和数字，现在是“" + code + "”");
            return null;
        }
        if (name == null) {
            missing.add("TASK_NAME（事项名称）");
        }
        if (department == null) {
            missing.add("DEPT_NAME（实施部门）");
        }
        if (!missing.isEmpty()) {
            problems.add("第" + number + "行：缺少 " + String.join("、", missing));
            return null;
        }
        return new Row(number, code, name, department, node);
    }

    /** Each row's name; where several rows share a name, the department (then the area, then the code) is added. */
    private static Map<String, String> distinctNames(List<Row> rows) {
        Map<String, Integer> count = new HashMap<>();
        rows.forEach(r -> count.merge(r.name(), 1, Integer::sum));
        Map<String, String> names = new HashMap<>();
        Map<String, Integer> withDepartment = new HashMap<>();
        rows.stream().filter(r -> count.get(r.name()) > 1).forEach(r -> withDepartment.merge(r.name() + "（" + r.department() + "）", 1, Integer::sum));
        for (Row r : rows) {
            String name = r.name();
            if (count.get(name) > 1) {
                name = name + "（" + r.department() + "）";
                if (withDepartment.get(name) > 1) {
                    String area = text(r.node(), "AREA_CODE_TEXT");
                    name = name.substring(0, name.length() - 1) + "，" + (area == null ? "" : area + "，") + r.code() + "）";
                }
            }
            names.put(r.key(), name);
        }
        return names;
    }

    private record Row(int line, String code, String name, String department, JsonNode node) {

        String key() {
            return code;
        }

        ServiceItem item(String displayName) {
            List<String> aliases = new ArrayList<>();
            String shortName = text(node, "matter_short");
            if (shortName != null && !shortName.equals(name) && !shortName.equals(displayName)) {
                aliases.add(shortName.replaceAll("\\s+", ""));
            }
            if (!displayName.equals(name)) {
                aliases.add(name);
            }
            String subTask = text(node, "subTaskName"); // "A(B)": B is what tells this item from its siblings
            if (subTask != null && !subTask.equals(name)) {
                aliases.add(subTask);
            }
            String url = CatalogueText.link(text(node, "URL"));
            String platform = text(node, "bear_paltform");
            ServiceItem.Online online = url == null && platform == null ? null
                    : new ServiceItem.Online(url != null && LINK.matcher(url).matches() ? url : null, platform);
            return new ServiceItem(ID_PREFIX + code.toLowerCase(Locale.ROOT), displayName, aliases.stream().distinct().toList(), List.of(),
                    department, audience(node.get("service_object_name")), text(node, "TASK_TYPE_TEXT"), text(node, "accept_standard"),
                    materials(node.get("material_intro")), timeLimit(text(node, "handle_time"), text(node, "handle_time_limit")), null,
                    visits(text(node, "visit_number")), halls(), online, yesNo(text(node, "courier_service")),
                    yesNo(text(node, "online_book")), List.of(), List.of(), text(node, "consult_phone"), text(node, "complain_phone"), null,
                    "广东省政务服务网事项目录（事项编码 " + code + "）", List.of());
        }

        private List<ServiceItem.Hall> halls() {
            String location = text(node, "handle_location");
            if (location == null || location.contains("无线下办理")) {
                return List.of();
            }
            String address = LOCATION_LABEL.matcher(location).replaceFirst("").strip();
            if (ServiceItem.isGap(address)) {
                return List.of();
            }
            String area = text(node, "AREA_CODE_TEXT");
            String district = area != null && area.startsWith("广东省") && area.length() > 3 ? area.substring(3) : null;
            return List.of(new ServiceItem.Hall(department, district, address, null, null));
        }
    }

    /** A field's text, stripped and its typing slips put right ({@link CatalogueText}); null when absent, not text, or a placeholder such as 无. */
    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || v.isContainerNode()) {
            return null;
        }
        String s = v.asText().strip();
        return ServiceItem.isGap(s) ? null : CatalogueText.tidy(s);
    }

    private static String audience(JsonNode objects) {
        if (objects == null || !objects.isArray() || objects.isEmpty()) {
            return null;
        }
        boolean person = false;
        boolean organisation = false;
        for (JsonNode o : objects) {
            if ("自然人".equals(o.asText().strip())) {
                person = true;
            } else if (!o.asText().isBlank()) {
                organisation = true;
            }
        }
        return person && organisation ? "个人和法人" : person ? "个人" : organisation ? "法人" : null;
    }

    private static List<ServiceItem.Material> materials(JsonNode intro) {
        if (intro == null || !intro.isArray()) {
            return List.of(); // "无" or missing: a gap
        }
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode m : intro) {
            String name = m.asText().strip();
            if (!ServiceItem.isGap(name)) {
                names.add(CatalogueText.tidy(name));
            }
        }
        return names.stream().map(n -> new ServiceItem.Material(n, null, null, null, null, null, null)).toList();
    }

    /** "30(工作日)" → 30; "15(自然日)" is not working days, so it goes to the note in words. */
    public static ServiceItem.TimeLimit timeLimit(String legal, String promised) {
        List<String> notes = new ArrayList<>();
        Integer legalDays = workingDays(legal, "法定办结时限", notes);
        Integer promisedDays = workingDays(promised, "承诺办结时限", notes);
        if (legalDays == null && promisedDays == null && notes.isEmpty()) {
            return null;
        }
        return new ServiceItem.TimeLimit(legalDays, promisedDays, notes.isEmpty() ? null : String.join("；", notes) + "。");
    }

    private static Integer workingDays(String value, String what, List<String> notes) {
        if (value == null) {
            return null;
        }
        Matcher m = DAYS.matcher(value);
        if (m.matches() && m.group(2).equals("工作日")) {
            return Integer.valueOf(m.group(1));
        }
        notes.add(what + "：" + (m.matches() ? m.group(1) + "个自然日" : value));
        return null;
    }

    private static Integer visits(String value) {
        if (value == null || !value.matches("\\d")) {
            return null;
        }
        return Integer.valueOf(value);
    }

    private static Boolean yesNo(String value) {
        if (value == null) {
            return null;
        }
        return switch (value) {
            case "是", "支持" -> true;
            case "否", "不支持" -> false;
            default -> null;
        };
    }
}
