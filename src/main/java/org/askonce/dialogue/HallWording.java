package org.askonce.dialogue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.askonce.knowledge.KnowledgeSnapshot;
import org.askonce.knowledge.ServiceItem.Hall;
import org.askonce.knowledge.ServiceItem;

/**
 * How halls are worded, in every channel: an item's places, hours and phones in an answer
 * ({@link ReplyComposer}), and the directory of halls a WeChat citizen gets for the 办理地点 menu or
 * a shared location. A hall without an address is not a place to send anyone, so it is left out.
 */
public final class HallWording {

    /** Halls listed one by one in a directory; the rest are counted. */
    static final int MAX_LISTED = 6;
    public static final String NO_HALLS = "暂未收录办理地点。告诉我您要办的事项，我会尽量为您解答；需要工作人员请回复“人工”。";
    private static final Pattern DISTRICT = Pattern.compile("(?:杭州市)?([^市省]{1,4}?[区县])");

    private HallWording() {
    }

    /** "\n· name：address（电话 …）" for each hall with an address. */
    static String addresses(List<Hall> halls) {
        StringBuilder sb = new StringBuilder();
        for (Hall h : withAddress(halls)) {
            sb.append("\n· ").append(h.name()).append("：").append(h.address().strip());
            if (!ServiceItem.isGap(h.phone())) {
                sb.append("（电话 ").append(h.phone().strip()).append("）");
            }
        }
        return sb.toString();
    }

    /** "\n· name：hours" for each hall whose hours are given. */
    static String hours(List<Hall> halls) {
        StringBuilder sb = new StringBuilder();
        halls.stream().filter(h -> !ServiceItem.isGap(h.hours()))
                .forEach(h -> sb.append("\n· ").append(h.name()).append("：").append(h.hours().strip()));
        return sb.toString();
    }

    /** "\n· name：phone" for each hall with a phone other than {@code except} (the item's consulting phone). */
    static String phones(List<Hall> halls, String except) {
        StringBuilder sb = new StringBuilder();
        withPhone(halls, except).forEach(h -> sb.append("\n· ").append(h.name()).append("：").append(h.phone().strip()));
        return sb.toString();
    }

    static List<Hall> withPhone(List<Hall> halls, String except) {
        return halls.stream().filter(h -> !ServiceItem.isGap(h.phone()) && !h.phone().strip().equals(except)).toList();
    }

    /** The first hall's name, "等N处" when there are more; 未提供 when no hall has an address. */
    static String inBrief(List<Hall> halls) {
        List<Hall> placed = withAddress(halls);
        return placed.isEmpty() ? "未提供" : placed.get(0).name() + (placed.size() > 1 ? "等" + placed.size() + "处" : "");
    }

    public static List<Hall> withAddress(List<Hall> halls) {
        return halls.stream().filter(h -> !ServiceItem.isGap(h.address())).toList();
    }

    /**
     * The halls of {@code item}, or (no item) every hall of the knowledge base once; with a location
     * label, the halls in its district first. Each with its district, address, hours and phone; at most
     * {@link #MAX_LISTED}, the rest counted. {@code intro} opens the list.
     */
    public static String directory(Optional<ServiceItem> item, KnowledgeSnapshot knowledge, String locationLabel, String intro) {
        String label = locationLabel == null ? "" : locationLabel;
        List<Hall> itemHalls = item.map(i -> withAddress(i.halls())).orElse(List.of());
        List<Hall> ordered = new ArrayList<>(itemHalls.isEmpty() ? everyHall(knowledge) : itemHalls);
        if (!label.isBlank()) {
            ordered.sort(Comparator.comparing(h -> !label.contains(district(h))));
        }
        if (ordered.isEmpty()) {
            // a new deployment's knowledge base may give no hall at all yet: no intro to an empty list
            return item.map(i -> "【" + i.name() + "】").orElse("") + NO_HALLS;
        }
        StringBuilder sb = new StringBuilder(intro);
        if (item.isPresent()) {
            // an imported item may give no hall: say so rather than pass other halls off as its own
            sb.insert(0, "【" + item.get().name() + "】" + (itemHalls.isEmpty() ? "暂未提供办理地点。" : ""));
        }
        int n = 0;
        for (Hall h : ordered.subList(0, Math.min(MAX_LISTED, ordered.size()))) {
            sb.append("\n\n").append(++n).append(". ").append(h.name());
            if (!district(h).isEmpty()) {
                sb.append("（").append(district(h)).append("）");
            }
            sb.append("\n地址：").append(h.address());
            if (!ServiceItem.isGap(h.hours())) {
                sb.append("\n时间：").append(h.hours());
            }
            if (!ServiceItem.isGap(h.phone())) {
                sb.append("\n电话：").append(h.phone());
            }
        }
        if (ordered.size() > MAX_LISTED) {
            sb.append("\n\n共").append(ordered.size()).append("处。")
                    .append(item.isPresent() && !itemHalls.isEmpty() ? "全部办理地点见完整办事指南。" : "告诉我您要办的事项，我会给出它的办理地点。");
        }
        return sb.toString();
    }

    /** Every hall with an address in the knowledge base, once per address. */
    private static List<Hall> everyHall(KnowledgeSnapshot knowledge) {
        Map<String, Hall> byAddress = new LinkedHashMap<>();
        for (ServiceItem item : knowledge.items()) {
            for (Hall h : withAddress(item.halls())) {
                byAddress.putIfAbsent(h.address(), h);
            }
        }
        return List.copyOf(byAddress.values());
    }

    /** The hall's district: as given, or the "…区/县/市" in its address after the city. */
    public static String district(Hall h) {
        if (h.district() != null && !h.district().isBlank()) {
            return h.district();
        }
        var matcher = DISTRICT.matcher(h.address() == null ? "" : h.address());
        return matcher.find() ? matcher.group(1) : "";
    }
}
