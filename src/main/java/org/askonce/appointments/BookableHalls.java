package org.askonce.appointments;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.askonce.knowledge.Mappers;

/**
 * Which halls take bookings for which items ({@code <knowledge-base>/appointments.yaml}): per hall
 * the items, the slot length, how many citizens a slot takes and the hours of a working day. Read
 * and validated once at start; a mistake stops the start with a message that says where it is.
 */
final class BookableHalls {

    private static final Set<String> KEYS = Set.of("hall", "items", "slot-minutes", "capacity", "hours");

    /** One hall's bookings: its items, slot length in minutes, citizens per slot, and hours. */
    record Hall(String name, List<String> items, int slotMinutes, int capacity, List<Period> hours) {

        /** The start of every slot of a day, in order. */
        List<LocalTime> slotStarts() {
            List<LocalTime> starts = new ArrayList<>();
            for (Period p : hours) {
                for (LocalTime t = p.start(); !t.plusMinutes(slotMinutes).isAfter(p.end()) && !t.plusMinutes(slotMinutes).isBefore(t);
                        t = t.plusMinutes(slotMinutes)) {
                    starts.add(t);
                }
            }
            return List.copyOf(starts);
        }

        boolean takes(String item) {
            return items.contains(item);
        }
    }

    record Period(LocalTime start, LocalTime end) {
    }

    private final List<Hall> halls;

    BookableHalls(List<Hall> halls) {
        this.halls = List.copyOf(halls);
    }

    static BookableHalls none() {
        return new BookableHalls(List.of());
    }

    /** The halls in {@code file}; none when the file does not exist. */
    static BookableHalls read(Path file) {
        if (!Files.exists(file)) {
            return none();
        }
        JsonNode root;
        try {
            root = Mappers.readYamlTree(file);
        } catch (IOException e) {
            throw new IllegalStateException(file + "：不是格式正确的 YAML（" + e.getMessage() + "）", e);
        }
        return parse(root, file.toString());
    }

    static BookableHalls parse(JsonNode root, String where) {
        if (root == null || root.isMissingNode() || root.isNull()) {
            return none();
        }
        JsonNode list = root.get("halls");
        if (list == null || !list.isArray()) {
            throw new IllegalStateException(where + "：应有 halls 列表（每个大厅一项）");
        }
        List<Hall> halls = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < list.size(); i++) {
            Hall hall = hall(list.get(i), where + " 第 " + (i + 1) + " 个大厅");
            if (!names.add(hall.name())) {
                throw new IllegalStateException(where + "：大厅“" + hall.name() + "”出现了两次");
            }
            halls.add(hall);
        }
        return new BookableHalls(halls);
    }

    private static Hall hall(JsonNode node, String where) {
        if (node == null || !node.isObject()) {
            throw new IllegalStateException(where + "：应是一组设置（hall、items、slot-minutes、capacity、hours）");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!KEYS.contains(key)) {
                throw new IllegalStateException(where + "：不认识的设置“" + key + "”（可用：hall、items、slot-minutes、capacity、hours）");
            }
        }
        String name = text(node.get("hall"));
        if (name == null) {
            throw new IllegalStateException(where + "：缺少大厅名称 hall");
        }
        String at = where + "（" + name + "）";
        int slotMinutes = number(node.get("slot-minutes"), at, "slot-minutes（每个时段的分钟数）", 5, 240);
        int capacity = number(node.get("capacity"), at, "capacity（每个时段可预约的人数）", 1, 500);
        List<String> items = new ArrayList<>();
        JsonNode itemList = node.get("items");
        if (itemList == null || !itemList.isArray() || itemList.isEmpty()) {
            throw new IllegalStateException(at + "：items 应列出至少一个可预约的事项名称");
        }
        for (JsonNode item : itemList) {
            String itemName = text(item);
            if (itemName == null) {
                throw new IllegalStateException(at + "：items 中有空的事项名称");
            }
            if (items.contains(itemName)) {
                throw new IllegalStateException(at + "：事项“" + itemName + "”列了两次");
            }
            items.add(itemName);
        }
        JsonNode hourList = node.get("hours");
        if (hourList == null || !hourList.isArray() || hourList.isEmpty()) {
            throw new IllegalStateException(at + "：hours 应列出至少一个开放时间段，如 09:00-12:00");
        }
        List<Period> hours = new ArrayList<>();
        for (JsonNode h : hourList) {
            Period p = period(text(h), at);
            if (!hours.isEmpty() && p.start().isBefore(hours.get(hours.size() - 1).end())) {
                throw new IllegalStateException(at + "：开放时间段“" + h.asText() + "”与前一段重叠或顺序不对");
            }
            hours.add(p);
        }
        Hall hall = new Hall(name, List.copyOf(items), slotMinutes, capacity, List.copyOf(hours));
        if (hall.slotStarts().isEmpty()) {
            throw new IllegalStateException(at + "：开放时间内放不下一个 " + slotMinutes + " 分钟的时段");
        }
        return hall;
    }

    private static Period period(String text, String at) {
        String[] parts = text == null ? new String[0] : text.split("-");
        try {
            if (parts.length == 2) {
                Period p = new Period(LocalTime.parse(parts[0].strip()), LocalTime.parse(parts[1].strip()));
                if (p.start().isBefore(p.end())) {
                    return p;
                }
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw new IllegalStateException(at + "：开放时间段“" + text + "”格式不对，应如 09:00-12:00（开始早于结束）");
    }

    private static int number(JsonNode node, String at, String what, int min, int max) {
        if (node == null || !node.canConvertToInt() || !node.isIntegralNumber()) {
            throw new IllegalStateException(at + "：缺少 " + what + "，或不是整数");
        }
        int n = node.asInt();
        if (n < min || n > max) {
            throw new IllegalStateException(at + "：" + what + " 应在 " + min + " 到 " + max + " 之间，现为 " + n);
        }
        return n;
    }

    private static String text(JsonNode node) {
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            return null;
        }
        return node.asText().strip();
    }

    List<Hall> halls() {
        return halls;
    }

    /** The halls that take bookings for this item, in the file's order. */
    List<Hall> forItem(String item) {
        return halls.stream().filter(h -> h.takes(item)).toList();
    }

    Optional<Hall> hall(String name) {
        return halls.stream().filter(h -> h.name().equals(name)).findFirst();
    }

    int itemCount() {
        return (int) halls.stream().flatMap(h -> h.items().stream()).distinct().count();
    }
}
