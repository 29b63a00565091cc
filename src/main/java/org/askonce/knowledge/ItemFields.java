package org.askonce.knowledge;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;

/**
 * An item's fields as editors know them: the Chinese name of a field (the spreadsheet's column header)
 * and what is wrong with a value, in Chinese — for the editor's form, a spreadsheet import and a
 * folder alike.
 */
public final class ItemFields {

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    private ItemFields() {
    }

    /** What the item's constraints find wrong with it, by field. */
    public static List<ConstraintViolation<ServiceItem>> violations(ServiceItem item) {
        return VALIDATOR.validate(item).stream().sorted(Comparator.comparing(v -> v.getPropertyPath().toString())).toList();
    }

    /** The column of a property path ("timeLimit.legalDays" → 法定办结时限（工作日）). */
    public static String header(String path) {
        String p = path.replaceAll("\\[\\d*]|\\.<[^>]+>", "");
        return switch (p.contains(".") && !p.startsWith("timeLimit") && !p.startsWith("fee") && !p.startsWith("online")
                ? p.substring(0, p.indexOf('.')) : p) {
            case "id" -> "编号";
            case "name" -> "事项名称";
            case "aliases" -> "别名";
            case "keywords" -> "关键词";
            case "department" -> "实施部门";
            case "audience" -> "服务对象";
            case "materials" -> "申请材料";
            case "timeLimit.legalDays" -> "法定办结时限（工作日）";
            case "timeLimit.promisedDays" -> "承诺办结时限（工作日）";
            case "visits" -> "到现场次数";
            case "halls" -> "办理地点";
            case "online.url" -> "网上办理地址";
            case "process" -> "办理流程";
            case "legalBasis" -> "设定依据";
            case "source" -> "信息来源";
            case "faqs" -> "常见问题";
            default -> p;
        };
    }

    /** A constraint's message in Chinese, by its kind (and for a pattern, by what it asks for). */
    public static String chinese(ConstraintViolation<?> v) {
        String kind = v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        String message = v.getMessage() == null ? "" : v.getMessage();
        return switch (kind) {
            case "NotBlank", "NotNull" -> "不能为空";
            case "Size" -> "太长";
            case "Min", "Max", "PositiveOrZero" -> "数值超出范围";
            default -> message.contains("kebab-case") ? "只能用小写字母、数字和连字符，如 dog-registration"
                    : message.contains("个人") ? "应为“个人”“法人”或“个人和法人”"
                    : message.contains("原件") ? "应为 原件、复印件、原件和复印件 或 电子证照"
                    : message.contains("http") ? "应为以 http:// 或 https:// 开头的完整网址"
                    : "格式不对";
        };
    }

}
