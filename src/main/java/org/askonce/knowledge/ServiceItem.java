package org.askonce.knowledge;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * A service item (事项) with the elements of a standard service guide. This is the one structured
 * record every channel answers from.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServiceItem(
        @NotBlank @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be a lower-case kebab-case slug") String id,
        @NotBlank @Size(max = 200) String name,
        @NotNull List<@NotBlank String> aliases,
        @NotNull List<@NotBlank String> keywords,
        @NotBlank String department,
        @NotBlank @Pattern(regexp = "个人|法人|个人和法人", message = "must be 个人, 法人 or 个人和法人") String audience,
        @NotBlank String itemType,
        @NotBlank String conditions,
        @NotEmpty List<@Valid @NotNull Material> materials,
        @NotNull @Valid TimeLimit timeLimit,
        @NotNull @Valid Fee fee,
        @NotNull @Min(0) @Max(1) Integer visits,
        @NotEmpty List<@Valid @NotNull Hall> halls,
        @NotNull @Valid Online online,
        @NotNull Boolean express,
        @NotNull Boolean appointment,
        @NotEmpty List<@NotBlank String> process,
        @NotEmpty List<@NotBlank String> legalBasis,
        @NotBlank String consultPhone,
        @NotBlank String complaintPhone,
        @NotNull LocalDate lastReviewed,
        @NotBlank String source,
        @NotNull List<@Valid @NotNull Faq> faqs) {

    public ServiceItem {
        aliases = List.copyOf(aliases == null ? List.of() : aliases);
        keywords = List.copyOf(keywords == null ? List.of() : keywords);
        faqs = faqs == null ? List.of() : List.copyOf(faqs);
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

    /** One material to hand in. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Material(
            @NotBlank String name,
            @NotBlank @Pattern(regexp = "原件|复印件|原件和复印件|电子证照", message = "must be 原件, 复印件, 原件和复印件 or 电子证照") String form,
            @NotNull @Min(1) Integer copies,
            @NotNull Boolean required,
            String condition,
            String notes,
            String sampleUrl) {
    }

    /** Legal and promised time limits in working days; a promised limit of 0 means on the spot (即办). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TimeLimit(@NotNull @PositiveOrZero Integer legalDays, @NotNull @PositiveOrZero Integer promisedDays, String note) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Fee(@NotNull Boolean charged, @NotBlank String amount, @NotBlank String basis) {
    }

    /** A service hall where the item is handled (an item may be handled in several, e.g. per district). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Hall(@NotBlank String name, String district, @NotBlank String address, @NotBlank String hours, @NotBlank String phone) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Online(@NotBlank @Pattern(regexp = "https?://\\S+", message = "must be an http(s) link") String url, @NotBlank String platform) {
    }
}
