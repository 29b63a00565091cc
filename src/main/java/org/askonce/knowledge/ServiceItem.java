package org.askonce.knowledge;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A service item (事项) with the elements of a standard service guide. This is the one structured
 * record every channel answers from.
 *
 * <p>Only what identifies an item is required: id, name, department and source. Every element of
 * the guide may be missing — a real catalogue has gaps (an imported provincial catalogue often has
 * no materials, fee or hours) — and a gap stays a gap: null (or an empty list), never a made-up
 * value. Citizens are told an element is not given and where to ask; the knowledge audit
 * ({@link org.askonce.knowledge.audit.KnowledgeAudit}) lists every gap for editors to fill. What is given must be well-formed.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServiceItem(
        @NotBlank @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be a lower-case kebab-case slug") String id,
        @NotBlank @Size(max = 200) String name,
        @NotNull List<@NotBlank String> aliases,
        @NotNull List<@NotBlank String> keywords,
        @NotBlank String department,
        @Pattern(regexp = "个人|法人|个人和法人", message = "must be 个人, 法人 or 个人和法人") String audience,
        String itemType,
        String conditions,
        @NotNull List<@Valid @NotNull Material> materials,
        @Valid TimeLimit timeLimit,
        @Valid Fee fee,
        @Min(0) @Max(9) Integer visits,
        @NotNull List<@Valid @NotNull Hall> halls,
        @Valid Online online,
        Boolean express,
        Boolean appointment,
        @NotNull List<@NotBlank String> process,
        @NotNull List<@NotBlank String> legalBasis,
        String consultPhone,
        String complaintPhone,
        LocalDate lastReviewed,
        @NotBlank String source,
        @NotNull List<@Valid @NotNull Faq> faqs) {

    public ServiceItem {
        aliases = listOf(aliases);
        keywords = listOf(keywords);
        materials = listOf(materials);
        halls = listOf(halls);
        process = listOf(process);
        legalBasis = listOf(legalBasis);
        faqs = listOf(faqs);
    }

    /** Values that mean "not given" (compared after trimming, case-insensitively). */
    static final Set<String> PLACEHOLDERS = Set.of("无", "暂无", "空", "没有", "待定", "待补充", "待完善", "未知", "不详", "略", "详见",
            "null", "nil", "none", "n/a", "na", "tbd", "todo", "\"\"", "''", "无。", "暂无。");
    /** Only dashes, slashes, dots, question marks and the like. */
    private static final java.util.regex.Pattern PUNCTUATION_ONLY = java.util.regex.Pattern.compile("[\\p{Punct}\\p{IsPunctuation}\\s　—－／、。·…※*？]+");

    /**
     * True when a value is a gap: null, blank (including the full-width space), or a placeholder such
     * as 无, 暂无, -, /, 待定, null, N/A. What citizens read and the knowledge audit treat these alike.
     */
    public static boolean isGap(String value) {
        if (value == null) {
            return true;
        }
        String v = value.replace('\u3000', ' ').strip();
        return v.isEmpty() || PUNCTUATION_ONLY.matcher(v).matches() || PLACEHOLDERS.contains(v.toLowerCase(Locale.ROOT));
    }

    private static <T> List<T> listOf(List<T> values) {
        return values == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
    }

    /** The same item with other FAQs (FAQs are stored beside the item, not in its body). */
    public ServiceItem withFaqs(List<Faq> newFaqs) {
        return new ServiceItem(id, name, aliases, keywords, department, audience, itemType, conditions,
                materials, timeLimit, fee, visits, halls, online, express, appointment, process, legalBasis,
                consultPhone, complaintPhone, lastReviewed, source, newFaqs);
    }

    /** The same item with other materials (an editor's change to the list). */
    public ServiceItem withMaterials(List<Material> newMaterials) {
        return new ServiceItem(id, name, aliases, keywords, department, audience, itemType, conditions,
                newMaterials, timeLimit, fee, visits, halls, online, express, appointment, process, legalBasis,
                consultPhone, complaintPhone, lastReviewed, source, faqs);
    }

    /** One material to hand in; a catalogue may give only its name (form, copies, required then null). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Material(
            @NotBlank String name,
            @Pattern(regexp = "原件|复印件|原件和复印件|电子证照", message = "must be 原件, 复印件, 原件和复印件 or 电子证照") String form,
            @Min(1) Integer copies,
            Boolean required,
            String condition,
            String notes,
            String sampleUrl) {

        /**
         * When a material that is not always needed is to be handed in, as citizens read it: the
         * condition with 需提供 ("未在现场拍照的需提供"), a condition that already says whether to
         * provide it as it is ("现场拍照的无需提供"), or 视情况提供 when none is given.
         */
        public String whenNeeded() {
            if (isGap(condition)) {
                return "视情况提供";
            }
            String c = condition.strip().replaceFirst("[。；;，,]+$", "");
            return c.contains("提供") ? c : c + "需提供";
        }
    }

    /**
     * Legal and promised time limits in working days; a promised limit of 0 means on the spot (即办).
     * Either may be missing; a limit the catalogue gives in other units is kept in words in the note.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TimeLimit(@PositiveOrZero Integer legalDays, @PositiveOrZero Integer promisedDays, String note) {
    }

    /** Whether the item is charged ({@code charged} null: not given), how much and on what basis. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Fee(Boolean charged, String amount, String basis) {
    }

    /** A service hall where the item is handled (an item may be handled in several, e.g. per district). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Hall(@NotBlank String name, String district, String address, String hours, String phone) {
    }

    /** Where the item is handled online: the link and the platform's name, either possibly missing. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Online(@Pattern(regexp = "https?://\\S+", message = "must be an http(s) link") String url, String platform) {
    }
}
