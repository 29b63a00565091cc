package org.askonce.guide;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.askonce.knowledge.ServiceItem.Hall;
import org.askonce.knowledge.ServiceItem.Material;
import org.askonce.knowledge.ServiceItem;

/**
 * What the guide page of one item shows, worded and ready for the template: every element of the
 * guide, a gap said as a gap (with where to ask), the halls ordered by the citizen's district and
 * paged ({@value #HALLS_PER_PAGE} a page, every one printed), phone numbers as {@code tel:} links and
 * each address with a map link.
 */
record GuidePage(
        String itemId, String name, String department, String audience, String itemType, String notice, String source,
        String lastReviewed, String gap, List<String> conditions, List<MaterialLine> materials, boolean formsNotGiven,
        List<String> timeLimit, List<String> fee, List<String> visits, Halls halls, List<Phone> consultPhones,
        List<Phone> complaintPhones, String onlineUrl, String onlinePlatform, List<String> process, List<String> legalBasis,
        String guideUrl) {

    static final int HALLS_PER_PAGE = 10;
    private static final Pattern PHONE = Pattern.compile("\\+?\\d[\\d\\-－ ]{1,18}\\d");
    private static final String MAP_SEARCH = "https://uri.amap.com/search?keyword=";

    /** One material of the checklist: its number, name, what kind and when (e.g. "原件1份；未在现场拍照的需提供"), sample form. */
    record MaterialLine(int number, String name, String details, String sampleUrl) {
    }

    /** A phone number as written and as a {@code tel:} link (null when no number could be read from it). */
    record Phone(String text, String href) {
    }

    /** A hall as shown: its district, the map search of its address, whether it is on the page shown (print shows all). */
    record HallView(int number, String name, String district, String address, String mapUrl, String hours, List<Phone> phones,
                    boolean onPage) {
    }

    /**
     * The halls in the order shown, the page of them on screen ({@code from}–{@code to} of {@code total}),
     * the pages before and after (null: none), the district they are ordered by (null: as published), the
     * districts to choose from, and a note when the district asked for has no hall.
     */
    record Halls(List<HallView> all, int total, int from, int to, Integer previous, Integer next, String district,
                 List<String> districts, String note) {

        public boolean paged() {
            return total > HALLS_PER_PAGE;
        }

        /** "第11–20处", the halls of another page. */
        public String rangeOf(int page) {
            return "第" + ((page - 1) * HALLS_PER_PAGE + 1) + "–" + Math.min(total, page * HALLS_PER_PAGE) + "处";
        }
    }

    /**
     * The page of an item.
     *
     * @param district the district whose halls come first (null or blank: as published)
     * @param page     the page of halls shown on screen, from 1; must be one that exists
     * @param hotline  the government service hotline a gap points to
     * @throws IllegalArgumentException when there is no such page of halls
     */
    static GuidePage of(ServiceItem item, String district, int page, String hotline, String notice, String guideUrl) {
        String ask = (given(item.consultPhone()) ? "可拨打咨询电话 " + item.consultPhone().strip() + " 或" : "可拨打")
                + hotline + "政务服务热线询问。";
        return new GuidePage(item.id(), item.name(), item.department(), item.audience(), item.itemType(), notice,
                item.source(), item.lastReviewed() == null ? null : date(item.lastReviewed()), "暂未提供。" + ask, conditions(item, ask),
                materials(item), item.materials().stream().anyMatch(m -> m.form() == null && m.copies() == null),
                timeLimit(item), fee(item), visits(item), halls(item, district, page),
                phones(item.consultPhone()), phones(item.complaintPhone()),
                item.online() != null && given(item.online().url()) ? item.online().url().strip() : null,
                item.online() != null && given(item.online().platform()) ? item.online().platform().strip() : null,
                item.process().stream().map(String::strip).toList(), item.legalBasis().stream().map(String::strip).toList(), guideUrl);
    }

    /** The address of a page of halls, in the same district order (relative, for links on the page itself). */
    public String hallsPageUrl(int page) {
        return "/guide/" + itemId + "?" + (halls.district() == null ? "" : "district=" + URLEncoder.encode(halls.district(), StandardCharsets.UTF_8) + "&")
                + "halls=" + page + "#halls";
    }

    /** How many pages of halls an item has (at least 1). */
    static int pagesOf(ServiceItem item) {
        return Math.max(1, (withAddress(item).size() + HALLS_PER_PAGE - 1) / HALLS_PER_PAGE);
    }

    private static boolean given(String value) {
        return !ServiceItem.isGap(value);
    }

    private static String date(LocalDate d) {
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    /** A text as its lines, without empty ones; a gap is no lines. */
    private static List<String> lines(String text) {
        return given(text) ? text.strip().lines().map(String::strip).filter(l -> !l.isEmpty()).toList() : List.of();
    }

    /** The conditions' lines; a text cut off after announcing a list ("下列情形除外：") says the rest is not given. */
    private static List<String> conditions(ServiceItem item, String ask) {
        List<String> lines = new ArrayList<>(lines(item.conditions()));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).matches(".*[：:]$")) {
            lines.add("办事指南在此没有列出具体内容，" + ask);
        }
        return List.copyOf(lines);
    }

    private static List<MaterialLine> materials(ServiceItem item) {
        List<MaterialLine> lines = new ArrayList<>();
        int n = 1;
        for (Material m : item.materials()) {
            List<String> details = new ArrayList<>();
            if (m.form() != null || m.copies() != null) {
                String form = m.form() == null ? "" : m.form();
                details.add(form + (m.copies() == null ? "" : (form.contains("和") ? "各" : "") + m.copies() + "份"));
            }
            if (Boolean.FALSE.equals(m.required())) {
                details.add(m.whenNeeded());
            }
            if (given(m.notes())) {
                details.add(m.notes().strip());
            }
            lines.add(new MaterialLine(n++, m.name().strip(), String.join("；", details), given(m.sampleUrl()) ? m.sampleUrl().strip() : null));
        }
        return lines;
    }

    private static List<String> timeLimit(ServiceItem item) {
        var t = item.timeLimit();
        List<String> lines = new ArrayList<>();
        if (t == null) {
            return lines;
        }
        if (t.promisedDays() != null) {
            lines.add("承诺办结时限：" + (t.promisedDays() == 0 ? "即办（材料齐全当场办结）" : t.promisedDays() + "个工作日"));
        }
        if (t.legalDays() != null) {
            lines.add("法定办结时限：" + t.legalDays() + "个工作日");
        }
        if (given(t.note())) {
            lines.add(t.note().strip());
        }
        return lines;
    }

    private static List<String> fee(ServiceItem item) {
        var f = item.fee();
        List<String> lines = new ArrayList<>();
        if (f == null || f.charged() == null) {
            return lines;
        }
        String amount = given(f.amount()) ? f.amount().strip() : "";
        if (f.charged()) {
            lines.add("收费：" + (amount.isEmpty() ? "标准未注明" : amount));
        } else {
            lines.add("不收费");
            if (!amount.isEmpty() && !amount.contains("不收费")) {
                lines.add(amount);
            }
        }
        if (given(f.basis())) {
            lines.add("收费依据：" + f.basis().strip());
        }
        return lines;
    }

    private static List<String> visits(ServiceItem item) {
        List<String> facts = new ArrayList<>();
        if (item.visits() != null) {
            facts.add(switch (item.visits()) {
                case 0 -> "全程网办，无需到现场（零次跑）";
                case 1 -> "最多跑一次";
                default -> "需到现场" + item.visits() + "次";
            });
        }
        if (Boolean.TRUE.equals(item.appointment())) {
            facts.add("可网上预约");
        }
        if (Boolean.TRUE.equals(item.express())) {
            facts.add("证照可选择快递送达");
        }
        return facts;
    }

    private static List<Hall> withAddress(ServiceItem item) {
        return item.halls().stream().filter(h -> given(h.address())).toList();
    }

    private static Halls halls(ServiceItem item, String wanted, int page) {
        List<Hall> halls = withAddress(item);
        int pages = Math.max(1, (halls.size() + HALLS_PER_PAGE - 1) / HALLS_PER_PAGE);
        if (page < 1 || page > pages) {
            throw new IllegalArgumentException("办理地点只有" + pages + "页，没有第" + page + "页");
        }
        LinkedHashSet<String> districts = new LinkedHashSet<>();
        halls.forEach(h -> {
            String d = GuideLinks.Districts.of(h);
            if (!d.isEmpty()) {
                districts.add(d);
            }
        });
        String district = null;
        String note = null;
        List<Hall> ordered = halls;
        if (wanted != null && !wanted.isBlank()) {
            district = districts.stream().filter(d -> GuideLinks.Districts.matches(d, wanted)).findFirst().orElse(null);
            if (district == null) {
                note = "没有位于“" + abbreviate(wanted.strip()) + "”的办理地点，下面按发布的顺序列出全部" + halls.size() + "处。";
            } else {
                String d = district;
                ordered = halls.stream().sorted(Comparator.comparing(h -> !GuideLinks.Districts.of(h).equals(d))).toList();
            }
        }
        int from = (page - 1) * HALLS_PER_PAGE;
        int to = Math.min(halls.size(), from + HALLS_PER_PAGE);
        List<HallView> views = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            Hall h = ordered.get(i);
            String d = GuideLinks.Districts.of(h);
            views.add(new HallView(i + 1, h.name().strip(), d.isEmpty() ? null : d, h.address().strip(),
                    MAP_SEARCH + URLEncoder.encode(h.address().strip(), StandardCharsets.UTF_8),
                    given(h.hours()) ? h.hours().strip() : null, phones(h.phone()), i >= from && i < to));
        }
        return new Halls(views, halls.size(), halls.isEmpty() ? 0 : from + 1, to, page > 1 ? page - 1 : null,
                page < pages ? page + 1 : null, district, List.copyOf(districts), note);
    }

    /** The numbers in a phone field ("0571-87280605、87280606"), each with its tel: link; a gap is none. */
    static List<Phone> phones(String field) {
        if (!given(field)) {
            return List.of();
        }
        List<Phone> phones = new ArrayList<>();
        Matcher m = PHONE.matcher(field);
        while (m.find()) {
            String text = m.group().strip();
            phones.add(new Phone(text, "tel:" + text.replaceAll("[^+\\d]", "")));
        }
        return phones.isEmpty() ? List.of(new Phone(field.strip(), null)) : phones;
    }

    private static String abbreviate(String s) {
        return s.length() > 20 ? s.substring(0, 20) + "…" : s;
    }
}
