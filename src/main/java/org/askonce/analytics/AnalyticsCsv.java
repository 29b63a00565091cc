package org.askonce.analytics;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.askonce.analytics.AnalyticsReport.Counts;
import org.askonce.analytics.AnalyticsReport.Satisfaction;
import org.askonce.appointments.BookingStatistics;

/**
 * The dashboard as one CSV file for Excel: UTF-8 with a byte-order mark (without it Excel reads
 * Chinese as GBK), CRLF line ends, one section per table (a title line, a header line, the rows, a
 * blank line). A cell that starts like a formula (= + - @) gets a leading apostrophe: citizens'
 * questions are in the file.
 */
final class AnalyticsCsv {

    static final String BOM = "\uFEFF";

    private final List<String> lines = new ArrayList<>();

    private AnalyticsCsv() {
    }

    static String write(AnalyticsReport r, AnalyticsView view) {
        AnalyticsCsv csv = new AnalyticsCsv();
        Counts t = r.totals();
        Satisfaction s = r.satisfaction();
        AnalyticsReport.Handoffs h = r.handoffs();
        csv.row("最多问一次 数据分析", r.from() + " 至 " + r.to());
        csv.blank();
        csv.section("汇总", "指标", "数值");
        csv.row("会话数", t.conversations());
        csv.row("市民消息数", t.messages());
        csv.row("提问数", t.questions());
        csv.row("已回答", t.answered());
        csv.row("澄清追问", t.clarified());
        csv.row("转人工", t.handedOff());
        csv.row("未能回答", t.unknown());
        csv.row("回答率", view.percent(t.answerRate()));
        csv.row("转人工率", view.percent(t.handoffRate()));
        csv.row("评价数", s.total());
        csv.row("满意率", view.percent(s.rate()));
        csv.blank();
        csv.section("每日", "日期", "会话数", "市民消息数", "提问数", "已回答", "澄清追问", "转人工", "未能回答", "闲聊", "发给坐席的消息",
                "评价", "回答率", "转人工率");
        for (AnalyticsReport.Day d : r.days()) {
            Counts c = d.counts();
            csv.row(d.date(), c.conversations(), c.messages(), c.questions(), c.answered(), c.clarified(), c.handedOff(), c.unknown(),
                    c.smalltalk(), c.withAgent(), c.rated(), view.percent(c.answerRate()), view.percent(c.handoffRate()));
        }
        csv.blank();
        csv.section("满意度", "评价对象", "满意", "基本满意", "不满意", "评价数", "满意率");
        csv.satisfaction("全部", s, view);
        csv.satisfaction("机器人回答", r.answerSatisfaction(), view);
        csv.satisfaction("人工服务", r.handoffSatisfaction(), view);
        csv.blank();
        csv.section("转人工", "指标", "数值");
        csv.row("转人工次数", h.requested());
        csv.row("已接入", h.claimed());
        csv.row("已解决", h.resolved());
        csv.row("交回机器人", h.handedBack());
        csv.row("市民取消", h.cancelled());
        csv.row("仍在处理", h.open());
        csv.row("非工作时间", h.afterHours());
        csv.row("平均等待接入", view.duration(h.averageWaitSeconds()));
        csv.row("平均等待接入（工作时间）", view.duration(h.averageWaitInHoursSeconds()));
        for (AnalyticsReport.ReasonCount reason : h.reasons()) {
            csv.row("原因：" + view.reason(reason.reason()), reason.count());
        }
        csv.blank();
        csv.section("热门事项", "排名", "事项", "事项编号", "部门", "提问数", "已回答");
        for (int i = 0; i < r.topItems().size(); i++) {
            AnalyticsReport.ItemCount item = r.topItems().get(i);
            csv.row(i + 1, item.name(), item.itemId(), item.department(), item.questions(), item.answered());
        }
        csv.blank();
        csv.section("部门", "部门", "事项数", "提问数", "已回答");
        for (AnalyticsReport.DepartmentCount d : r.departments()) {
            csv.row(d.department(), d.items(), d.questions(), d.answered());
        }
        csv.blank();
        csv.section("一件事使用", "一件事", "编号", "回答次数", "会话数", "之后问了其中事项", "其中事项提问数", "跟进率");
        for (AnalyticsReport.EventUse e : r.lifeEvents()) {
            csv.row(e.name(), e.eventId(), e.answers(), e.conversations(), e.followed(), e.stepQuestions(), view.percent(e.followRate()));
        }
        csv.blank();
        csv.section("未解决问题", "问题", "次数", "未能回答", "转人工", "低置信度", "最近一次");
        for (AnalyticsReport.UnansweredQuestion q : r.unanswered()) {
            csv.row(q.question(), q.count(), q.unknown(), q.handedOff(), q.lowConfidence(), view.time(q.lastAsked()));
        }
        if (r.bookings() != null) {
            csv.blank();
            csv.bookings(r.bookings(), view);
        }
        return BOM + String.join("\r\n", csv.lines) + "\r\n";
    }

    /** The 预约办事 section: its own tables, after the others (the next section can follow it the same way). */
    private void bookings(BookingStatistics b, AnalyticsView view) {
        section("预约办事", "指标", "数值");
        row("预约数", b.made());
        row("市民取消", b.cancelledByCitizen());
        row("大厅取消", b.cancelledByHall());
        row("已到", b.arrived());
        row("未到", b.noShow());
        row("爽约率", view.percent(b.noShowRate()));
        blank();
        section("预约最多的事项", "排名", "事项", "预约数");
        for (int i = 0; i < b.topItems().size(); i++) {
            row(i + 1, b.topItems().get(i).item(), b.topItems().get(i).bookings());
        }
        blank();
        section("各大厅预约", "大厅", "预约数", "已到", "未到");
        for (BookingStatistics.HallCount h : b.halls()) {
            row(h.hall(), h.made(), h.arrived(), h.noShow());
        }
    }

    private void satisfaction(String label, Satisfaction s, AnalyticsView view) {
        row(label, s.satisfied(), s.basicallySatisfied(), s.dissatisfied(), s.total(), view.percent(s.rate()));
    }

    private void section(String title, String... header) {
        row(title);
        row((Object[]) header);
    }

    private void blank() {
        lines.add("");
    }

    private void row(Object... cells) {
        lines.add(Stream.of(cells).map(c -> cell(String.valueOf(c))).collect(Collectors.joining(",")));
    }

    static String cell(String value) {
        String v = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
